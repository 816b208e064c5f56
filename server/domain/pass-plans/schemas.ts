import { z } from "zod";
import { pageInputSchema } from "../paging";
import { passcodeFormatSchema } from "../passes/codes/format";
import { sortSchema } from "../sorting";
import {
  communicationChannels,
  durationUnits,
  passDistributions,
  passPlanStates,
  passTypes,
  passUsages,
  passValidityKinds,
  passValueModes,
  promotionCodeModes,
  valueValidityKinds,
} from "./kinds";

/** Forms send "" for an empty text, date or number input and NaN for an empty number: both mean "none". */
const blankToNull = (v: unknown) => (v === "" || (typeof v === "number" && Number.isNaN(v)) ? null : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToNull, schema.nullish());

const minorAmount = z
  .number({ invalid_type_error: "Enter an amount." })
  .int("Use whole minor units.")
  .positive("Must be more than zero.")
  .max(Number.MAX_SAFE_INTEGER, "The amount is too large.");
/** Postgres integer columns hold up to 2^31 − 1. */
const positiveCount = (what: string) =>
  z.number({ invalid_type_error: `Enter ${what}.` }).int(`Use a whole number of ${what}.`).positive(`Use at least one of ${what}.`).max(2_147_483_647, "The number is too large.");
const date = z.coerce.date({ invalid_type_error: "Enter a date." });
const uuidList = (message: string) => z.array(z.string().uuid(message)).max(500, "Use at most 500.");

export const communicationTemplateSchema = z.object({
  channels: z.array(z.enum(communicationChannels)).max(2),
  emailSubject: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  emailBody: z.string().trim().max(20_000, "Use at most 20,000 characters.").optional(),
  smsBody: z.string().trim().max(1_000, "Use at most 1,000 characters.").optional(),
});
export type CommunicationTemplateInput = z.infer<typeof communicationTemplateSchema>;

const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
const descriptionSchema = optional(z.string().trim().max(2_000, "Use at most 2,000 characters."));

/**
 * Every setting of a pass plan (D5), field by field. Combinations (promotion + printed, min > max,
 * dates in the past …) are the domain's to refuse, naming the field: see validation.ts.
 * No defaults here, so the partial update schema leaves a missing field unchanged.
 */
const settingsShape = {
  type: z.enum(passTypes),
  distribution: z.enum(passDistributions),
  currency: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Choose a currency.")),
  commercePoolId: optional(z.string().uuid("Choose a commerce pool.")),
  valueMode: optional(z.enum(passValueModes)),
  fixedValueMinor: optional(minorAmount),
  minValueMinor: optional(minorAmount),
  maxValueMinor: optional(minorAmount),
  passValidityKind: z.enum(passValidityKinds),
  passValidUntil: optional(date),
  passValidityCount: optional(positiveCount("days or months")),
  passValidityUnit: optional(z.enum(durationUnits)),
  valueValidityKind: optional(z.enum(valueValidityKinds)),
  valueValidUntil: optional(date),
  valueValidityCount: optional(positiveCount("days or months")),
  valueValidityUnit: optional(z.enum(durationUnits)),
  usage: z.enum(passUsages),
  maxUses: optional(positiveCount("uses")),
  productSkus: z.array(z.string().trim().min(1, "Enter a SKU.").max(100)).max(500, "Use at most 500 SKUs."),
  productFamilyIds: uuidList("Choose a product family."),
  pinRequired: z.boolean(),
  otpRequired: z.boolean(),
  passcodeFormat: passcodeFormatSchema,
  promotionCodeMode: optional(z.enum(promotionCodeModes)),
  maxPasses: positiveCount("passes"),
  quantity: optional(positiveCount("passes")),
  printingWebhookEnabled: z.boolean(),
  communicationTemplate: communicationTemplateSchema.nullish(),
  linkedRewardOfferId: optional(z.string().uuid("Choose a reward offer.")),
  customFields: z.record(z.unknown()),
};

/**
 * The universal code of a single-code promotion plan, as the user sets it. It is never stored:
 * it becomes the plan's one pass (keyed hash + ciphertext) like any other code.
 */
const universalCodeSchema = optional(z.string().trim().min(1, "Enter the code.").max(64, "Use at most 64 characters."));

export const createPassPlanSchema = z.object({
  name: nameSchema,
  description: descriptionSchema,
  ...settingsShape,
  passValidityKind: settingsShape.passValidityKind.default("NONE"),
  usage: settingsShape.usage.default("SINGLE"),
  productSkus: settingsShape.productSkus.default([]),
  productFamilyIds: settingsShape.productFamilyIds.default([]),
  pinRequired: settingsShape.pinRequired.default(false),
  otpRequired: settingsShape.otpRequired.default(false),
  printingWebhookEnabled: settingsShape.printingWebhookEnabled.default(false),
  customFields: settingsShape.customFields.default({}),
  universalCode: universalCodeSchema,
});
export type CreatePassPlanInput = z.infer<typeof createPassPlanSchema>;
export type CreatePassPlanFormValues = z.input<typeof createPassPlanSchema>;

export const passPlanIdSchema = z.object({ id: z.string().uuid("Choose a pass plan.") });
export type PassPlanIdInput = z.infer<typeof passPlanIdSchema>;

/** A missing field stays as it is; null clears an optional one. */
export const updatePassPlanSchema = z
  .object({ name: nameSchema, description: descriptionSchema, ...settingsShape, universalCode: universalCodeSchema })
  .partial()
  .merge(passPlanIdSchema);
export type UpdatePassPlanInput = z.infer<typeof updatePassPlanSchema>;

export const passPlanSortKeys = ["name", "createdAt", "issuedCount"] as const;

export const listPassPlansSchema = pageInputSchema
  .extend({
    page: z.coerce.number().int().min(0).default(0),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
    search: z.string().trim().max(200).optional(),
    type: z.enum(passTypes).optional(),
    distribution: z.enum(passDistributions).optional(),
    state: z.enum(passPlanStates).optional(),
  })
  .merge(sortSchema(passPlanSortKeys));
export type ListPassPlansInput = z.infer<typeof listPassPlansSchema>;
