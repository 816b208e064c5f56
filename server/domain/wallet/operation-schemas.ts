import { z } from "zod";
import { walletBalancesSchema } from "./schemas";

const amountSchema = z.number().int("Use whole minor units.").positive("Enter an amount above zero.").max(Number.MAX_SAFE_INTEGER);
const currencySchema = z.string().trim().toUpperCase().length(3, "Use a 3-letter currency code.");

export const basketLineSchema = z.object({
  sku: z.string().trim().min(1).max(64).nullish(),
  familyId: z.string().uuid().nullish(),
  amountMinor: z.number().int().nonnegative(),
});

const purchaseScope = {
  organisationId: z.string().uuid().nullish(),
  basket: z.array(basketLineSchema).max(500).optional(),
};

/** Redeem commerce funds to open funds for a purchase (D6). */
export const redeemFundsSchema = z.object({
  contactId: z.string().uuid(),
  currency: currencySchema,
  amountMinor: amountSchema,
  ...purchaseScope,
});
export type RedeemFundsInput = z.infer<typeof redeemFundsSchema>;

/** Spend open funds (after an automatic redeem) on a purchase (D6). */
export const spendSchema = z.object({
  contactId: z.string().uuid(),
  currency: currencySchema,
  amountMinor: amountSchema,
  onlyIfEnoughFunds: z.boolean().default(false),
  reference: z.string().trim().min(1, "Give the purchase or order reference.").max(200),
  ...purchaseScope,
});
export type SpendInput = z.input<typeof spendSchema>;

export const refundSpendSchema = z.object({
  spendId: z.string().uuid(),
  /** Absent: refund what is left of the spend. */
  amountMinor: amountSchema.optional(),
  reason: z.string().trim().min(1, "Give a reason.").max(500),
});
export type RefundSpendInput = z.infer<typeof refundSpendSchema>;

export const requestPayoutSchema = z.object({ contactId: z.string().uuid(), currency: currencySchema, amountMinor: amountSchema });
export type RequestPayoutInput = z.infer<typeof requestPayoutSchema>;

export const payoutIdSchema = z.object({ payoutId: z.string().uuid() });
export const rejectPayoutSchema = payoutIdSchema.extend({ reason: z.string().trim().min(1, "Give a reason.").max(500) });

export const listSpendsSchema = z.object({
  contactId: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const listPayoutsSchema = z.object({
  state: z.enum(["REQUESTED", "APPROVED", "PAID", "FAILED", "REJECTED"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
/** The back office's payouts page: one page of requests, optionally in one state. */
export const payoutQueueSchema = z.object({
  state: listPayoutsSchema.shape.state,
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type PayoutQueueInput = z.infer<typeof payoutQueueSchema>;

export const redeemedFundsSchema = z.object({
  redeemedMinor: z.number().int(),
  journalEntryId: z.string().uuid().nullable(),
  balances: walletBalancesSchema,
});

export const spendViewSchema = z.object({
  spendId: z.string().uuid(),
  walletId: z.string().uuid(),
  contactId: z.string().uuid(),
  currency: z.string(),
  reference: z.string(),
  requestedMinor: z.number().int(),
  spentMinor: z.number().int(),
  redeemedMinor: z.number().int(),
  refundedMinor: z.number().int(),
  spendEntryId: z.string().uuid(),
  createdAt: z.date(),
});
export type SpendView = z.infer<typeof spendViewSchema>;

export const spendResultSchema = spendViewSchema.extend({
  /** True when the reference had already been spent: this is the first spend, nothing moved now. */
  replayed: z.boolean(),
  balances: walletBalancesSchema,
});

export const refundResultSchema = z.object({
  refundId: z.string().uuid(),
  spendId: z.string().uuid(),
  refundedMinor: z.number().int(),
  totalRefundedMinor: z.number().int(),
  journalEntryId: z.string().uuid(),
  balances: walletBalancesSchema,
});

export const payoutViewSchema = z.object({
  payoutId: z.string().uuid(),
  walletId: z.string().uuid(),
  contactId: z.string().uuid(),
  currency: z.string(),
  amountMinor: z.number().int(),
  state: z.enum(["REQUESTED", "APPROVED", "PAID", "FAILED", "REJECTED"]),
  requestedByLabel: z.string(),
  decidedByLabel: z.string().nullable(),
  decidedAt: z.date().nullable(),
  providerReference: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});
export type PayoutView = z.infer<typeof payoutViewSchema>;
