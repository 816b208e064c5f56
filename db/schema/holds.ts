import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { holdStates } from "../../server/domain/wallet/holds/states";
import { timestamps } from "./_columns";
import { journalEntries, walletOwner } from "./ledger";
import { organisations } from "./network";

export const holdStateEnum = pgEnum("hold_state", holdStates);

/** One source a hold took funds from, in consumption order: a credit lot of a pocket, or open funds. */
export interface HoldSource {
  accountId: string;
  /** The credit lot consumed; null: open funds. */
  creditLotId: string | null;
  amountMinor: number;
}

/**
 * Funds reserved for a purchase estimate (D4, D8): moved from the wallet's pockets and open funds
 * into its HELD account by the HOLD entry, so they are no longer available. A capture moves the
 * captured part to settlement and the rest back; a release or expiry moves everything back.
 * While ACTIVE, the wallet's HELD balance includes `amountMinor`; afterwards nothing of it.
 */
export const holds = pgTable(
  "holds",
  {
    id: uuid().primaryKey(),
    ...walletOwner,
    amountMinor: bigint({ mode: "number" }).notNull(),
    /** What the capture moved to settlement; 0 until CAPTURED. */
    capturedMinor: bigint({ mode: "number" }).notNull().default(0),
    state: holdStateEnum().notNull().default("ACTIVE"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The caller's reference (a purchase estimate); null: none given. */
    reference: text(),
    /** The organisation the purchase is at, which decided the eligible pockets; null: any. */
    organisationId: uuid().references(() => organisations.id),
    /** Where the held funds came from, in consumption order; a release returns them in reverse. */
    sources: jsonb().$type<HoldSource[]>().notNull(),
    holdEntryId: uuid()
      .notNull()
      .references(() => journalEntries.id),
    /** The HOLD_CAPTURE or HOLD_RELEASE entry that ended the hold; null while ACTIVE. */
    closingEntryId: uuid().references(() => journalEntries.id),
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("holds_wallet_idx").on(t.walletId, t.createdAt),
    index("holds_active_expiry_idx").on(t.expiresAt).where(sql`${t.state} = 'ACTIVE'`),
    index("holds_reference_idx").on(t.reference),
    check("holds_amount_positive", sql`${t.amountMinor} > 0`),
    check("holds_captured_in_range", sql`${t.capturedMinor} >= 0 and ${t.capturedMinor} <= ${t.amountMinor}`),
  ],
);
