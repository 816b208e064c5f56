import { sql } from "drizzle-orm";
import { bigint, check, index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { journalEntries, walletOwner } from "./ledger";
import { organisations } from "./network";

/**
 * A spend (D6): open funds paid to settlement for one external purchase or order. The reference
 * is unique per wallet, so a replayed purchase finds the first spend instead of paying twice.
 */
export const spends = pgTable(
  "spends",
  {
    id: uuid().primaryKey(),
    ...walletOwner,
    /** The external purchase or order reference the integration sent. */
    reference: text().notNull(),
    /** What the caller asked to spend; `amountMinor` is what was spent (less when funds were short). */
    requestedMinor: bigint({ mode: "number" }).notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    /** Commerce funds converted to open funds for this spend by the automatic redeem. */
    redeemedMinor: bigint({ mode: "number" }).notNull(),
    /** Raised only by a conditional update that keeps it within 0..amount. */
    refundedMinor: bigint({ mode: "number" }).notNull().default(0),
    /** null: the purchase named no organisation. */
    organisationId: uuid().references(() => organisations.id),
    /** null: open funds covered the spend, nothing was redeemed. */
    redeemEntryId: uuid().references(() => journalEntries.id),
    spendEntryId: uuid()
      .notNull()
      .references(() => journalEntries.id),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique("spends_wallet_reference_uniq").on(t.walletId, t.reference),
    index("spends_wallet_created_idx").on(t.walletId, t.createdAt),
    index("spends_created_idx").on(t.createdAt),
    check("spends_amount_positive", sql`${t.amountMinor} > 0 and ${t.amountMinor} <= ${t.requestedMinor}`),
    check("spends_refunded_in_range", sql`${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.amountMinor}`),
  ],
);

/** A full or partial refund of a spend: its SPEND_REFUND entry reverses part of the spend entry. */
export const spendRefunds = pgTable(
  "spend_refunds",
  {
    id: uuid().primaryKey(),
    spendId: uuid()
      .notNull()
      .references(() => spends.id),
    amountMinor: bigint({ mode: "number" }).notNull(),
    reason: text().notNull(),
    entryId: uuid()
      .notNull()
      .references(() => journalEntries.id),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("spend_refunds_spend_idx").on(t.spendId), check("spend_refunds_amount_positive", sql`${t.amountMinor} > 0`)],
);

export const payoutStates = ["REQUESTED", "APPROVED", "PAID", "FAILED", "REJECTED"] as const;
export const payoutStateEnum = pgEnum("payout_state", payoutStates);

/**
 * A request to pay open funds out to the contact (D6). REQUESTED → APPROVED (funds moved to the
 * PAYOUTS account) → PAID or FAILED (funds moved back); REQUESTED → REJECTED.
 */
export const payoutRequests = pgTable(
  "payout_requests",
  {
    id: uuid().primaryKey(),
    ...walletOwner,
    amountMinor: bigint({ mode: "number" }).notNull(),
    state: payoutStateEnum().notNull().default("REQUESTED"),
    requestedByLabel: text().notNull(),
    /** null: not decided yet. */
    decidedByLabel: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /** null: rejected, or not approved yet. */
    payoutEntryId: uuid().references(() => journalEntries.id),
    /** FAILED only: the entry that returned the funds to open funds. */
    reversalEntryId: uuid().references(() => journalEntries.id),
    /** PAID only: the payment provider's reference. */
    providerReference: text(),
    /** FAILED: the provider's reason; REJECTED: the approver's reason. */
    reason: text(),
    ...timestamps,
  },
  (t) => [
    index("payout_requests_state_idx").on(t.state, t.createdAt),
    index("payout_requests_wallet_idx").on(t.walletId, t.createdAt),
    check("payout_requests_amount_positive", sql`${t.amountMinor} > 0`),
  ],
);
