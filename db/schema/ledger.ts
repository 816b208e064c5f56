import { relations, sql } from "drizzle-orm";
import { bigint, char, check, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { journalEntryKinds, ledgerAccountKinds } from "../../server/domain/ledger/kinds";
import { contacts } from "./contacts";
import { commercePools, organisations } from "./network";
import { passPlans } from "./passes";

export const ledgerAccountKindEnum = pgEnum("ledger_account_kind", ledgerAccountKinds);
export const journalEntryKindEnum = pgEnum("journal_entry_kind", journalEntryKinds);

/** One wallet per contact and currency (D3); its money lives in its ledger accounts. */
export const wallets = pgTable(
  "wallets",
  {
    id: uuid().primaryKey(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    currency: char({ length: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [unique("wallets_contact_currency_uniq").on(t.contactId, t.currency)],
);

/** The wallet a money operation (spend, hold, payout) draws on, with its contact and currency. */
export const walletOwner = {
  walletId: uuid()
    .notNull()
    .references(() => wallets.id),
  contactId: uuid()
    .notNull()
    .references(() => contacts.id),
  currency: char({ length: 3 }).notNull(),
};

/**
 * A ledger account (D4). Wallet accounts keep their balance in `balanceMinor`, changed only by
 * `postEntry` under a row lock, and never below zero. System accounts are hot (every redemption
 * of a plan touches its liability), so their balance is spread over `ledgerBalanceShards`
 * instead and `balanceMinor` stays 0.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid().primaryKey(),
    kind: ledgerAccountKindEnum().notNull(),
    currency: char({ length: 3 }).notNull(),
    walletId: uuid().references(() => wallets.id),
    /** POCKET only: the commerce pool whose pocket this is; null is the business pocket. */
    commercePoolId: uuid().references(() => commercePools.id),
    /** PASS_LIABILITY only: the plan whose passes this account funds. */
    passPlanId: uuid().references(() => passPlans.id),
    /** REWARD_FUNDING only: the funder; null is the business itself. */
    organisationId: uuid().references(() => organisations.id),
    balanceMinor: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique("ledger_accounts_identity_uniq")
      .on(t.kind, t.currency, t.walletId, t.commercePoolId, t.passPlanId, t.organisationId)
      .nullsNotDistinct(),
    index("ledger_accounts_wallet_idx").on(t.walletId),
    check("ledger_accounts_wallet_not_negative", sql`${t.walletId} is null or ${t.balanceMinor} >= 0`),
  ],
);

/** Balance of a hot system account, split so parallel commands rarely wait on the same row. */
export const ledgerBalanceShards = pgTable(
  "ledger_balance_shards",
  {
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    shard: smallint().notNull(),
    balanceMinor: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.shard] })],
);

/**
 * A journal entry (D4): never updated or deleted. A correction is a new entry whose
 * `reversesEntryId` names the original.
 */
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid().primaryKey(),
    kind: journalEntryKindEnum().notNull(),
    /** What caused it: a pass redemption, spend, hold, payout, credit lot, adjustment … */
    causeType: text().notNull(),
    causeId: uuid(),
    reversesEntryId: uuid(),
    memo: text(),
    actorType: text().notNull(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("journal_entries_cause_idx").on(t.causeType, t.causeId),
    index("journal_entries_reverses_idx").on(t.reversesEntryId),
    index("journal_entries_created_at_idx").on(t.createdAt),
  ],
);

/** One line of an entry: a signed amount on one account. An entry's postings sum to zero per currency. */
export const ledgerPostings = pgTable(
  "ledger_postings",
  {
    id: uuid().primaryKey(),
    entryId: uuid()
      .notNull()
      .references(() => journalEntries.id),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    /** The credit lot this posting created or consumed (pocket postings). */
    creditLotId: uuid(),
    /** Wallet accounts: the account's balance after this posting, for statements. */
    balanceAfterMinor: bigint({ mode: "number" }),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("ledger_postings_account_idx").on(t.accountId, t.createdAt, t.id),
    index("ledger_postings_entry_idx").on(t.entryId),
    check("ledger_postings_not_zero", sql`${t.amountMinor} <> 0`),
  ],
);

/**
 * A credit to a commerce pocket (D3): what it brought, what remains, until when, and on which
 * products it may be consumed. The remaining amounts of a pocket's lots sum to its balance.
 */
export const creditLots = pgTable(
  "credit_lots",
  {
    id: uuid().primaryKey(),
    walletId: uuid()
      .notNull()
      .references(() => wallets.id),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    currency: char({ length: 3 }).notNull(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    remainingMinor: bigint({ mode: "number" }).notNull(),
    /** null: never expires. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Empty arrays: consumable on anything. */
    productSkus: text().array().notNull().default(sql`'{}'::text[]`),
    productFamilyIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    sourceType: text().notNull(),
    sourceId: uuid(),
    /** When the expiry job moved what was left to breakage. */
    expiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("credit_lots_account_open_idx").on(t.accountId, t.expiresAt).where(sql`${t.remainingMinor} > 0`),
    index("credit_lots_wallet_idx").on(t.walletId, t.createdAt),
    index("credit_lots_expiring_idx").on(t.expiresAt).where(sql`${t.remainingMinor} > 0 and ${t.expiresAt} is not null`),
    index("credit_lots_source_idx").on(t.sourceType, t.sourceId),
    check("credit_lots_remaining_in_range", sql`${t.remainingMinor} >= 0 and ${t.remainingMinor} <= ${t.amountMinor}`),
  ],
);

export const walletsRelations = relations(wallets, ({ one, many }) => ({
  contact: one(contacts, { fields: [wallets.contactId], references: [contacts.id] }),
  accounts: many(ledgerAccounts),
  creditLots: many(creditLots),
}));

export const ledgerAccountsRelations = relations(ledgerAccounts, ({ one }) => ({
  wallet: one(wallets, { fields: [ledgerAccounts.walletId], references: [wallets.id] }),
}));

export const journalEntriesRelations = relations(journalEntries, ({ many }) => ({
  postings: many(ledgerPostings),
}));

export const ledgerPostingsRelations = relations(ledgerPostings, ({ one }) => ({
  entry: one(journalEntries, { fields: [ledgerPostings.entryId], references: [journalEntries.id] }),
  account: one(ledgerAccounts, { fields: [ledgerPostings.accountId], references: [ledgerAccounts.id] }),
}));
