import { z } from "zod";
import { walletBalancesSchema } from "../schemas";

/** The funds an adjustment corrects (D3): commerce funds in a pocket, or the open funds. */
const adjustedFunds = ["COMMERCE", "OPEN"] as const;

/** A manual adjustment by finance or admin (issue #4 item 9). */
export const adjustWalletSchema = z
  .object({
    contactId: z.string().uuid(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use the 3-letter ISO 4217 code, e.g. EUR."),
    /** Signed minor units: positive credits, negative takes back. */
    amountMinor: z
      .number()
      .int("Use whole minor units.")
      .refine((v) => v !== 0, "Enter an amount other than zero.")
      .refine((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER, "Amount too large."),
    reason: z.string().trim().min(5, "Give a reason of at least 5 characters.").max(500),
    /** COMMERCE (default): a commerce pocket, as a credit lot or from its lots. OPEN: the open funds, which have no lots. */
    funds: z.enum(adjustedFunds, { message: "Choose COMMERCE (a pocket) or OPEN (the open funds)." }).default("COMMERCE"),
    /** Commerce funds only. The pool's pocket; absent: the business pocket (credits) or every pocket (debits). */
    commercePoolId: z.string().uuid().optional(),
    /** Commerce credits only: when the credited lot expires; absent: never. */
    expiresAt: z.coerce.date().optional(),
  })
  .superRefine((v, issues) => {
    if (v.funds !== "OPEN") return;
    if (v.commercePoolId) issues.addIssue({ code: "custom", path: ["commercePoolId"], message: "Open funds belong to no commerce pool: leave the pool out." });
    if (v.expiresAt) issues.addIssue({ code: "custom", path: ["expiresAt"], message: "Open funds never expire: leave the expiry out." });
  });
export type AdjustWalletInput = z.input<typeof adjustWalletSchema>;

export const walletAdjustmentSchema = z.object({
  adjustmentId: z.string().uuid(),
  walletId: z.string().uuid(),
  amountMinor: z.number().int(),
  funds: z.enum(adjustedFunds),
  journalEntryId: z.string().uuid(),
  /** Commerce credits: the new lot; otherwise null. */
  creditLotId: z.string().uuid().nullable(),
  balances: walletBalancesSchema,
});
export type WalletAdjustment = z.infer<typeof walletAdjustmentSchema>;
