import { z } from "zod";
import { walletBalancesSchema } from "../schemas";

/** A manual adjustment by finance or admin (issue #4 item 9). */
export const adjustWalletSchema = z.object({
  contactId: z.string().uuid(),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use the 3-letter ISO 4217 code, e.g. EUR."),
  /** Signed minor units: positive credits a new lot, negative takes from the pocket's lots. */
  amountMinor: z
    .number()
    .int("Use whole minor units.")
    .refine((v) => v !== 0, "Enter an amount other than zero.")
    .refine((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER, "Amount too large."),
  reason: z.string().trim().min(5, "Give a reason of at least 5 characters.").max(500),
  /** The pool's pocket; absent: the business pocket (credits) or every pocket (debits). */
  commercePoolId: z.string().uuid().optional(),
  /** Credits only: when the credited lot expires; absent: never. */
  expiresAt: z.coerce.date().optional(),
});
export type AdjustWalletInput = z.input<typeof adjustWalletSchema>;

export const walletAdjustmentSchema = z.object({
  adjustmentId: z.string().uuid(),
  walletId: z.string().uuid(),
  amountMinor: z.number().int(),
  journalEntryId: z.string().uuid(),
  /** Credits: the new lot; debits: null. */
  creditLotId: z.string().uuid().nullable(),
  balances: walletBalancesSchema,
});
export type WalletAdjustment = z.infer<typeof walletAdjustmentSchema>;
