import { and, eq, ne, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { contacts, ledgerAccounts, wallets } from "@/db/schema";
import type { DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { systemAccount } from "../ledger/accounts";
import { newId } from "../ids";
import type { RedemptionCredit, WalletCredit } from "../passes/redeem/money-step";
import { addDuration } from "../passes/validity";
import { balancesOf, type WalletAccountBalance } from "./balances";
import { lotTermsArgument } from "./credit-lots";
import { getWalletSettings } from "./settings";
import { ensureWallet, findWallet, pocketAccount, type Wallet } from "./wallets";

/** Until when the credited funds last (D5 value validity); null: they never expire. */
export function creditExpiryFor(plan: RedemptionCredit["plan"], redeemedAt: Date): Date | null {
  switch (plan.valueValidityKind) {
    case "PERIOD":
      return addDuration(redeemedAt, plan.valueValidityCount ?? 0, plan.valueValidityUnit ?? "DAY");
    case "DATE":
      return plan.valueValidUntil;
    default:
      return null;
  }
}

/**
 * The registered contact's wallet in the plan's currency and its pocket for the pool, in one
 * query: the usual redemption at a point of sale, for a customer who has redeemed before, writes
 * nothing here. Null when the wallet or the pocket does not exist yet.
 */
async function existingPocket(ctx: DomainContext, contactId: string, currency: string, commercePoolId: string | null) {
  const [found] = await preparedQuery(ctx.db, "existing_pocket", (db, name) =>
    db
      .select({ mergedIntoId: contacts.mergedIntoId, walletId: wallets.id, pocketId: ledgerAccounts.id })
      .from(contacts)
      .leftJoin(wallets, and(eq(wallets.contactId, contacts.id), eq(wallets.currency, sql.placeholder("currency"))))
      .leftJoin(
        ledgerAccounts,
        and(
          eq(ledgerAccounts.walletId, wallets.id),
          eq(ledgerAccounts.kind, "POCKET"),
          sql`${ledgerAccounts.commercePoolId} is not distinct from ${sql.placeholder("commercePoolId")}::uuid`,
        ),
      )
      .where(eq(contacts.id, sql.placeholder("contactId")))
      .prepare(name),
  ).execute({ contactId, currency, commercePoolId });
  if (!found) throw notFound("Contact");
  // A merged contact has no wallet of its own any more: its credits go to the one it merged into.
  if (found.mergedIntoId) throw invalidField("contactId", "This contact was merged into another; redeem for that contact.");
  return found.walletId && found.pocketId ? { walletId: found.walletId, pocketId: found.pocketId } : null;
}

/**
 * Opens the registered contact's wallet in the plan's currency (the contact checked by
 * `existingPocket`). A contact with no wallet gets one; a contact whose wallets are in other
 * currencies gets one only if the business allows it, otherwise the redemption is
 * CURRENCY_MISMATCH (D5 step 2).
 */
async function openRegisteredWallet(ctx: DomainContext, contactId: string, currency: string): Promise<Wallet> {
  const [other] = await ctx.db
    .select({ currency: wallets.currency })
    .from(wallets)
    .where(and(eq(wallets.contactId, contactId), ne(wallets.currency, currency)))
    .limit(1);
  if (other && !(await getWalletSettings(ctx)).openWalletInPlanCurrency) {
    throw new DomainError("CURRENCY_MISMATCH", `The contact's wallet is in ${other.currency}; this pass is in ${currency}.`, {
      walletCurrency: other.currency,
      passCurrency: currency,
    });
  }
  return ensureWallet(ctx, contactId, currency);
}

/** Where a redemption's credit goes and on what terms, as `pass_redeem` takes it. */
export interface PlannedCredit {
  /** The contact credited: the one named, the pass's owner, or the nameless contact the gift creates. */
  contactId: string;
  /** A gift for someone unknown: the ids of the nameless contact and wallet `pass_redeem` creates. */
  nameless: {
    contactId: string;
    walletId: string;
    /** Business pocket, open and held accounts. */
    accountIds: [string, string, string];
    /** The plan's commerce pool's pocket, when the plan has one. */
    poolPocketId: string | null;
    auditId: string;
    eventId: string;
  } | null;
  credit: {
    /** The registered contact's wallet and pocket; null with `nameless`. */
    walletId: string | null;
    pocketId: string | null;
    commercePoolId: string | null;
    fromAccountId: string;
    lotId: string;
    entryId: string;
    postingIds: [string, string];
    expiresAt: Date | null;
    productSkus: readonly string[];
    productFamilyIds: readonly string[];
  };
}

/**
 * The money step of a gift/top-up redemption (D5 step 2), planned before `pass_redeem` writes it:
 * the plan's pocket of the contact's wallet is credited as a credit lot with the plan's value
 * validity and product conditions, funded by the plan's pass liability account. A gift redeemed
 * without a contact funds a new nameless contact. A registered contact's wallet (or pocket) is
 * created here only with `opening` (call it so in the redemption's transaction: a refusal undoes
 * it); without, the answer is null when one is missing.
 */
export async function planRedemptionCredit(ctx: DomainContext, credit: RedemptionCredit, opening: { mayOpenWallet: boolean }): Promise<PlannedCredit | null> {
  if (credit.currency !== credit.plan.currency) throw new Error("A redemption credits in its plan's currency.");
  const from = await systemAccount(ctx, "PASS_LIABILITY", credit.currency, { passPlanId: credit.plan.id });
  const terms = {
    commercePoolId: credit.plan.commercePoolId,
    fromAccountId: from.id,
    lotId: newId(),
    entryId: newId(),
    postingIds: [newId(), newId()] as [string, string],
    ...lotTermsArgument({ expiresAt: creditExpiryFor(credit.plan, new Date()), productSkus: credit.plan.productSkus, productFamilyIds: credit.plan.productFamilyIds }),
  };
  if (credit.contactId) {
    const found = await existingPocket(ctx, credit.contactId, credit.currency, credit.plan.commercePoolId);
    if (found) return { contactId: credit.contactId, nameless: null, credit: { ...terms, ...found } };
    if (!opening.mayOpenWallet) return null;
    // The wallet may exist with only the pool's pocket missing.
    const wallet = (await findWallet(ctx, credit.contactId, credit.currency)) ?? (await openRegisteredWallet(ctx, credit.contactId, credit.currency));
    const pocket = await pocketAccount(ctx, wallet, credit.plan.commercePoolId);
    return { contactId: credit.contactId, nameless: null, credit: { ...terms, walletId: wallet.id, pocketId: pocket.id } };
  }
  if (credit.plan.type !== "GIFT") throw invalidField("contactId", "A top-up pass is redeemed into a contact's wallet: name the contact.");
  const nameless = {
    contactId: newId(),
    walletId: newId(),
    accountIds: [newId(), newId(), newId()] as [string, string, string],
    poolPocketId: credit.plan.commercePoolId ? newId() : null,
    auditId: newId(),
    eventId: newId(),
  };
  return { contactId: nameless.contactId, nameless, credit: { ...terms, walletId: null, pocketId: null } };
}

/** What the wallet reports once `pass_redeem` credited it as planned. */
export const creditedAsPlanned = (
  planned: PlannedCredit,
  amountMinor: number,
  written: { walletId: string; accounts: WalletAccountBalance[] },
): WalletCredit => ({
  contactId: planned.contactId,
  walletId: written.walletId,
  creditLotId: planned.credit.lotId,
  journalEntryId: planned.credit.entryId,
  creditedMinor: amountMinor,
  balances: balancesOf(written.walletId, written.accounts),
});
