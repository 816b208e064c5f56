import { and, eq, ne } from "drizzle-orm";
import { contacts, wallets } from "@/db/schema";
import { createNamelessContact } from "../contacts/create";
import type { DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { systemAccount, type AccountRef } from "../ledger/accounts";
import type { RedemptionCredit, WalletCredit } from "../passes/redeem/money-step";
import { addDuration } from "../passes/validity";
import { walletBalances } from "./balances";
import { creditPocket } from "./credit-lots";
import { getWalletSettings } from "./settings";
import { createFirstWallet, ensureWallet, findWallet, pocketAccount, type Wallet } from "./wallets";

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
 * The registered contact's wallet in the plan's currency. A contact with no wallet gets one; a
 * contact whose wallets are in other currencies gets one only if the business allows it,
 * otherwise the redemption is CURRENCY_MISMATCH (D5 step 2).
 */
async function registeredWallet(ctx: DomainContext, contactId: string, currency: string): Promise<Wallet> {
  const [contact] = await ctx.db.select({ id: contacts.id, mergedIntoId: contacts.mergedIntoId }).from(contacts).where(eq(contacts.id, contactId));
  if (!contact) throw notFound("Contact");
  if (contact.mergedIntoId) throw invalidField("contactId", "This contact was merged into another; redeem for that contact.");
  const existing = await findWallet(ctx, contactId, currency);
  if (existing) return existing;
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

/**
 * The money step of a gift/top-up redemption (D5 step 2): credits the plan's pocket of the
 * contact's wallet as a credit lot with the plan's value validity and product conditions, funded
 * by the plan's pass liability account. A gift redeemed without a contact funds a new nameless
 * contact. Runs inside the redemption's transaction: a refusal undoes the redemption.
 */
export async function creditRedemption(ctx: DomainContext, credit: RedemptionCredit): Promise<WalletCredit> {
  if (credit.currency !== credit.plan.currency) throw new Error("A redemption credits in its plan's currency.");
  let contactId = credit.contactId;
  let wallet: Wallet;
  let pocket: AccountRef | null = null;
  if (contactId) {
    wallet = await registeredWallet(ctx, contactId, credit.currency);
  } else {
    if (credit.plan.type !== "GIFT") throw invalidField("contactId", "A top-up pass is redeemed into a contact's wallet: name the contact.");
    contactId = (await createNamelessContact(ctx)).id;
    const created = await createFirstWallet(ctx, contactId, credit.currency);
    wallet = created.wallet;
    if (!credit.plan.commercePoolId) pocket = created.businessPocket;
  }
  const credited = await creditPocket(ctx, {
    wallet,
    pocket: pocket ?? (await pocketAccount(ctx, wallet, credit.plan.commercePoolId)),
    from: await systemAccount(ctx, "PASS_LIABILITY", credit.currency, { passPlanId: credit.plan.id }),
    amountMinor: credit.amountMinor,
    expiresAt: creditExpiryFor(credit.plan, new Date()),
    productSkus: credit.plan.productSkus,
    productFamilyIds: credit.plan.productFamilyIds,
    entry: { kind: "PASS_REDEMPTION", causeType: "pass_redemption", causeId: credit.redemptionId },
  });
  return {
    contactId,
    walletId: wallet.id,
    creditLotId: credited.creditLotId,
    journalEntryId: credited.journalEntryId,
    creditedMinor: credit.amountMinor,
    balances: await walletBalances(ctx, wallet.id),
  };
}
