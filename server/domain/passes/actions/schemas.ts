import { z } from "zod";
import { pinLengthLimits, pinSchema } from "../codes/pin";

const passId = z.string().uuid("Choose a pass.");
const minorAmount = z
  .number({ invalid_type_error: "Enter an amount." })
  .int("Use whole minor units.")
  .positive("Must be more than zero.")
  .max(Number.MAX_SAFE_INTEGER, "The amount is too large.");

export const passIdSchema = z.object({ passId });
export type PassIdInput = z.infer<typeof passIdSchema>;

/** `valueMinor` is required for a printed variable-value pass sold without a value yet, refused otherwise. */
export const activatePassSchema = z.object({ passId, valueMinor: minorAmount.optional() });
export type ActivatePassInput = z.infer<typeof activatePassSchema>;

export const cancelPassSchema = z.object({ passId, reason: z.string().trim().max(500, "Use at most 500 characters.").optional() });
export type CancelPassInput = z.infer<typeof cancelPassSchema>;

/** null: the pass never expires. */
export const changePassExpirySchema = z.object({ passId, expiresAt: z.coerce.date({ invalid_type_error: "Enter a date." }).nullable() });
export type ChangePassExpiryInput = z.infer<typeof changePassExpirySchema>;

export const changePassValueSchema = z.object({ passId, valueMinor: minorAmount });
export type ChangePassValueInput = z.infer<typeof changePassValueSchema>;

export const setPassPinSchema = z.object({ passId, pin: pinSchema });
export type SetPassPinInput = z.infer<typeof setPassPinSchema>;

export const resetPassPinSchema = z.object({
  passId,
  length: z.number().int().min(pinLengthLimits.min).max(pinLengthLimits.max).default(pinLengthLimits.min),
});
export type ResetPassPinInput = z.infer<typeof resetPassPinSchema>;

/** The pass's values of the `pass` custom fields; a blank value removes the field. */
export const setPassCustomFieldsSchema = z.object({ passId, customFields: z.record(z.unknown()) });
export type SetPassCustomFieldsInput = z.infer<typeof setPassCustomFieldsSchema>;
