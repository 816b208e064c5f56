import { z } from "zod";

/** What a point of sale presents: the code (or its hash), and the PIN / OTP when the pass needs them. */
export const redemptionCredentialsSchema = z.object({
  code: z.string().trim().min(1, "Enter the pass code.").max(200, "That is not a pass code."),
  pin: z.string().trim().max(16).optional(),
  otp: z.string().trim().max(16).optional(),
  /** Who redeems: required for promotion passes (once per contact). */
  contactId: z.string().uuid("Not a contact id.").optional(),
  organisationId: z.string().uuid("Not an organisation id.").optional(),
  terminalId: z.string().trim().min(1).max(100).optional(),
});
export type RedemptionCredentials = z.infer<typeof redemptionCredentialsSchema>;

export const checkRedemptionSchema = redemptionCredentialsSchema;
export type CheckRedemptionInput = RedemptionCredentials;

export const redeemPassSchema = redemptionCredentialsSchema.extend({
  /** Part of a multi-use gift/top-up pass's remaining value; default: all of it. */
  amountMinor: z.number().int("Use whole minor units.").positive("Must be more than zero.").max(Number.MAX_SAFE_INTEGER).optional(),
});
export type RedeemPassInput = z.infer<typeof redeemPassSchema>;

export const requestRedemptionOtpSchema = redemptionCredentialsSchema.pick({ code: true, pin: true, contactId: true });
export type RequestRedemptionOtpInput = z.infer<typeof requestRedemptionOtpSchema>;
