import { z } from "zod";
import { pageInputSchema } from "../paging";
import { sortSchema } from "../sorting";
import { identityTypes, normaliseIdentity, type IdentityType } from "./identity-values";

/** Mirrors the contact_kind database enum (inserts are typed against it, so a drift fails to compile). */
export const contactKinds = ["registered", "nameless"] as const;

const contactIdSchema = z.string().uuid("Choose a contact.");

const nameSchema = z.string().trim().max(100, "Names have at most 100 characters.").optional();

/** An optional identity field: empty means absent; otherwise normalised (email lower-cased, phone +digits). */
function identityValueSchema(type: IdentityType) {
  return z
    .string()
    .max(320)
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      const result = normaliseIdentity(type, raw);
      if (!result.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
        return z.NEVER;
      }
      return result.value;
    });
}

/** Names and identities as a form or an integration enters them; at least one identity is required. */
const registrationShape = {
  firstName: nameSchema,
  lastName: nameSchema,
  email: identityValueSchema("email"),
  phone: identityValueSchema("phone"),
  contactCode: identityValueSchema("contact_code"),
  cim: identityValueSchema("cim"),
};

export const createContactSchema = z.object(registrationShape);
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const registerNamelessContactSchema = z.object({ contactId: contactIdSchema, ...registrationShape });
export type RegisterNamelessContactInput = z.infer<typeof registerNamelessContactSchema>;

export const mergeNamelessContactSchema = z.object({
  /** The nameless contact that disappears into the registered one. */
  contactId: contactIdSchema,
  intoContactId: contactIdSchema,
});
export type MergeNamelessContactInput = z.infer<typeof mergeNamelessContactSchema>;

export const contactIdInputSchema = z.object({ contactId: contactIdSchema });
export type ContactIdInput = z.infer<typeof contactIdInputSchema>;

export const updateContactNamesSchema = z.object({ contactId: contactIdSchema, firstName: nameSchema, lastName: nameSchema });
export type UpdateContactNamesInput = z.infer<typeof updateContactNamesSchema>;

export const identityTypeSchema = z.enum(identityTypes);

export const addContactIdentitySchema = z.object({
  contactId: contactIdSchema,
  type: identityTypeSchema,
  value: z.string().trim().min(1, "Enter a value.").max(320),
});
export type AddContactIdentityInput = z.infer<typeof addContactIdentitySchema>;

export const removeContactIdentitySchema = z.object({ contactId: contactIdSchema, identityId: z.string().uuid() });
export type RemoveContactIdentityInput = z.infer<typeof removeContactIdentitySchema>;

const reasonSchema = z.string().trim().min(1, "Give a reason.").max(500, "A reason has at most 500 characters.");

export const spendingBlockSchema = z.object({ contactId: contactIdSchema, reason: reasonSchema });
export type SpendingBlockInput = z.infer<typeof spendingBlockSchema>;

/** "name" sorts by last name; without a sortBy the list is alphabetical. */
export const contactSortKeys = ["name", "createdAt", "updatedAt"] as const;

export const listContactsSchema = pageInputSchema
  .extend({
    /** Any identity (exact, after normalisation), a contact id, or the start of a name. */
    search: z.string().trim().max(320).optional(),
    kind: z.enum(contactKinds).optional(),
    blocked: z.boolean().optional(),
  })
  .merge(sortSchema(contactSortKeys));
export type ListContactsInput = z.infer<typeof listContactsSchema>;

/** How events and redemptions name a contact (D3); pass and wallet codes are resolved by their own modules. */
export const identificationTypes = ["contact_id", ...identityTypes] as const;
export const identificationSchema = z.object({
  type: z.enum(identificationTypes),
  value: z.string().trim().min(1).max(320),
});
export type IdentificationInput = z.infer<typeof identificationSchema>;
