import { z } from "zod";
import { normaliseIdentity, type IdentityType } from "../../contacts/identity-values";

/** An optional address: empty means absent; otherwise normalised as contact identities are. */
const addressSchema = (type: IdentityType) =>
  z
    .string()
    .max(320)
    .nullish()
    .transform((raw, ctx) => {
      if (raw == null || raw.trim() === "") return undefined;
      const result = normaliseIdentity(type, raw);
      if (!result.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
        return z.NEVER;
      }
      return result.value;
    });

export const recipientSchema = z.object({
  email: addressSchema("email"),
  phone: addressSchema("phone"),
  name: z
    .string()
    .trim()
    .max(200, "Use at most 200 characters.")
    .nullish()
    .transform((v) => v || undefined),
});
export type RecipientInput = z.infer<typeof recipientSchema>;

/** Forms send NaN for an empty number input: it means "no value given". */
const optionalMinor = z.preprocess(
  (v) => (v === "" || (typeof v === "number" && Number.isNaN(v)) ? undefined : v),
  z.number().int("Use whole minor units.").positive("Must be more than zero.").max(Number.MAX_SAFE_INTEGER).optional(),
);

export const issueElectronicPassSchema = z.object({
  planId: z.string().uuid("Choose a pass plan."),
  /** The owner; their email and phone are used unless `recipient` gives others. */
  contactId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid("Choose a contact.").optional()),
  recipient: recipientSchema.optional(),
  /** Variable-value plans: the pass's value inside the plan's range, in minor units. */
  valueMinor: optionalMinor,
  /** Added to (and overriding) the plan's custom field values. */
  customFields: z.record(z.unknown()).optional(),
});
export type IssueElectronicPassInput = z.infer<typeof issueElectronicPassSchema>;
export type IssueElectronicPassFormValues = z.input<typeof issueElectronicPassSchema>;

export const resendEgiftSchema = z.object({
  passId: z.string().uuid("Choose a pass."),
  /** A corrected recipient; absent fields keep the pass's current ones. */
  recipient: recipientSchema.optional(),
});
export type ResendEgiftInput = z.infer<typeof resendEgiftSchema>;
export type ResendEgiftFormValues = z.input<typeof resendEgiftSchema>;

/** At most this many re-sends per pass per hour (D5 support flow). */
export const resendLimitPerHour = 3;
