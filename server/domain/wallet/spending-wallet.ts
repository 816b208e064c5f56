import { and, eq, ne, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import type { Db } from "@/db";
import { preparedQuery } from "@/db/prepared";
import { contacts, ledgerAccounts, wallets } from "@/db/schema";
import type { DomainContext } from "../context";
import { DomainError, notFound } from "../errors";
import { accountRef, type AccountRef } from "../ledger/accounts";
import type { BasketLine } from "./allocate";
import type { Wallet } from "./wallets";

export interface SpendingWallet {
  wallet: Wallet;
  open: AccountRef;
  /** The open funds as read, without a lock: a hint of whether they cover a spend, never a check. */
  openMinorAsRead: number;
}

/** The contact's spending flags, its wallet in a currency and that wallet's open account. */
const spendingWalletQuery = (db: Db) =>
  db
    .select({
      contact: { spendingBlocked: contacts.spendingBlocked, mergedIntoId: contacts.mergedIntoId },
      wallet: wallets,
      open: ledgerAccounts,
    })
    .from(contacts)
    .leftJoin(wallets, and(eq(wallets.contactId, contacts.id), eq(wallets.currency, sql.placeholder("currency"))))
    .leftJoin(ledgerAccounts, and(eq(ledgerAccounts.walletId, wallets.id), eq(ledgerAccounts.kind, "OPEN")))
    .where(eq(contacts.id, sql.placeholder("contactId")));

/**
 * The wallet a spend, redeem or payout takes money from (D3), identified by contact and currency.
 * Refuses a contact blocked from spending (SPENDING_BLOCKED). The contact row is read FOR KEY
 * SHARE: a block (which locks the contact FOR UPDATE) waits for a spend in flight and the next
 * spend then sees it, while parallel spends of one contact do not queue on each other here.
 * `{ lock: false }` only reads: for a look before a statement that takes the lock itself (outside
 * a transaction the lock would be released at once, after a write to the contact's row).
 */
export async function spendingWallet(ctx: DomainContext, contactId: string, currency: string, { lock = true } = {}): Promise<SpendingWallet> {
  const [found] = await (
    lock
      ? preparedQuery(ctx.db, "spending_wallet", (db, name) => spendingWalletQuery(db).for("key share", { of: contacts }).prepare(name))
      : preparedQuery(ctx.db, "spending_wallet_read", (db, name) => spendingWalletQuery(db).prepare(name))
  ).execute({ contactId, currency });
  if (!found) throw notFound("Contact");
  if (found.contact.mergedIntoId) throw new DomainError("INVALID_STATE", "This contact was merged into another contact; use that one.");
  if (found.contact.spendingBlocked) throw new DomainError("SPENDING_BLOCKED", "This contact is blocked from spending.");
  if (found.wallet && found.open) return { wallet: found.wallet, open: accountRef(found.open), openMinorAsRead: found.open.balanceMinor };
  const [other] = await ctx.db
    .select({ currency: wallets.currency })
    .from(wallets)
    .where(and(eq(wallets.contactId, contactId), ne(wallets.currency, currency)))
    .limit(1);
  if (other) {
    throw new DomainError("CURRENCY_MISMATCH", `The contact's wallet is in ${other.currency}, not ${currency}.`, {
      walletCurrency: other.currency,
      requestedCurrency: currency,
    });
  }
  throw notFound("Wallet");
}

export interface PurchaseScope {
  /** The purchase's organisation (a venue counts for its parent merchant too). */
  organisationId?: string | null;
  basket?: readonly BasketLine[];
}

/**
 * Which of a wallet's accounts are pockets whose lots may pay for a purchase (D6): the business
 * pocket, and the pockets of the commerce pools containing the purchase's organisation (or its
 * parent merchant) or one of the basket's product families (given, or found from the basket's
 * SKUs). A condition on ledger_accounts for a prepared query of the pockets or of their lots,
 * with the placeholders `eligibility` fills.
 */
export const eligiblePocket = sql`${ledgerAccounts.walletId} = ${sql.placeholder("walletId")} and ${ledgerAccounts.kind} = 'POCKET' and (
  ${ledgerAccounts.commercePoolId} is null
  or ${ledgerAccounts.commercePoolId} in (
    select po.pool_id from commerce_pool_organisations po
    where po.organisation_id = ${sql.placeholder("organisationId")}::uuid
       or po.organisation_id = (select o.parent_id from organisations o where o.id = ${sql.placeholder("organisationId")}::uuid))
  or ${ledgerAccounts.commercePoolId} in (
    select pf.pool_id from commerce_pool_families pf
    where pf.family_id = any(${sql.placeholder("familyIds")}::uuid[])
       or pf.family_id in (select p.family_id from products p where p.sku = any(${sql.placeholder("skus")}::text[]))))`;

/** The values of eligiblePocket's placeholders for a wallet and a purchase. */
export function eligibility(walletId: string, scope: PurchaseScope) {
  return {
    walletId,
    organisationId: scope.organisationId ?? null,
    familyIds: arrayLiteral([...new Set((scope.basket ?? []).flatMap((l) => (l.familyId ? [l.familyId] : [])))]),
    skus: arrayLiteral([...new Set((scope.basket ?? []).flatMap((l) => (l.sku ? [l.sku] : [])))]),
  };
}

/** The wallet's pockets eligible for a purchase (see eligiblePocket), ordered by id. */
export async function eligiblePockets(ctx: DomainContext, walletId: string, scope: PurchaseScope): Promise<AccountRef[]> {
  const rows = await preparedQuery(ctx.db, "eligible_pockets", (db, name) =>
    db.select().from(ledgerAccounts).where(eligiblePocket).orderBy(ledgerAccounts.id).prepare(name),
  ).execute(eligibility(walletId, scope));
  return rows.map(accountRef);
}
