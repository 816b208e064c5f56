import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { commercePools, contacts, creditLots, journalEntries, ledgerAccounts, ledgerPostings, passes, passRedemptions, rewardOffers } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact } from "../contacts/create";
import { refusal, uniqueEmail } from "../contacts/test-fixtures";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { verifyLedger } from "../ledger/verify";
import { redeemPass } from "../passes/redeem/redeem";
import { testPass, testPlan } from "../passes/test-fixtures";
import { updateWalletSettings } from "./settings";
import { ensureWallet } from "./wallets";

testDatabase();

const day = 86_400_000;

async function expectLedgerOk(ctx: DomainContext) {
  const verified = await verifyLedger(ctx);
  expect(verified.problems).toEqual([]);
  expect(verified.ok).toBe(true);
}

/** The credit lot a redemption made, the pocket it sits in, and its journal entry's postings. */
async function creditOf(ctx: DomainContext, redemptionId: string) {
  const lots = await ctx.db.select().from(creditLots).where(eq(creditLots.sourceId, redemptionId));
  expect(lots).toHaveLength(1);
  const lot = lots[0]!;
  const [pocket] = await ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, lot.accountId));
  const entries = await ctx.db.select().from(journalEntries).where(and(eq(journalEntries.causeType, "pass_redemption"), eq(journalEntries.causeId, redemptionId)));
  expect(entries).toHaveLength(1);
  const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, entries[0]!.id));
  const accounts = await ctx.db.select().from(ledgerAccounts);
  const kindOf = (id: string) => accounts.find((a) => a.id === id)!;
  return {
    lot,
    pocket: pocket!,
    entry: entries[0]!,
    postings: postings.map((p) => ({ kind: kindOf(p.accountId).kind, passPlanId: kindOf(p.accountId).passPlanId, amountMinor: p.amountMinor, creditLotId: p.creditLotId })),
  };
}

describe("creditRedemption: the money step of a pass redemption", () => {
  afterEach(async () => {
    const ctx = await contextAs("admin");
    await updateWalletSettings(ctx, { openWalletInPlanCurrency: false });
  });

  it("credits a gift into the business pocket of the contact's wallet in the plan's currency, funded by the plan's liability, never expiring", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const plan = await testPlan(ctx, { currency: "GBP", fixedValueMinor: 4200 });
    const { code } = await testPass(ctx, plan);
    const result = await redeemPass(ctx, { code, contactId: contact.id });
    const { lot, pocket, entry, postings } = await creditOf(ctx, result.redemptionId);
    expect(lot).toMatchObject({ walletId: result.credit!.walletId, currency: "GBP", amountMinor: 4200, remainingMinor: 4200, expiresAt: null, productSkus: [], productFamilyIds: [], sourceType: "pass_redemption" });
    expect(pocket).toMatchObject({ kind: "POCKET", commercePoolId: null, walletId: result.credit!.walletId, balanceMinor: 4200 });
    expect(entry).toMatchObject({ kind: "PASS_REDEMPTION", actorId: ctx.actor.id, reversesEntryId: null });
    expect(postings).toHaveLength(2);
    expect(postings).toEqual(
      expect.arrayContaining([
        { kind: "PASS_LIABILITY", passPlanId: plan.id, amountMinor: -4200, creditLotId: null },
        { kind: "POCKET", passPlanId: null, amountMinor: 4200, creditLotId: lot.id },
      ]),
    );
    expect(result.credit).toMatchObject({ creditLotId: lot.id, journalEntryId: entry.id, balances: { currency: "GBP", availableMinor: 4200 } });
    await expectLedgerOk(ctx);
  });

  it("credits a top-up of a plan with a commerce pool into that pool's pocket, with a PERIOD validity and the plan's product conditions", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const [pool] = await ctx.db.insert(commercePools).values({ id: newId(), name: unique("pool") }).returning();
    const family = newId();
    const plan = await testPlan(ctx, {
      type: "TOP_UP",
      commercePoolId: pool!.id,
      valueValidityKind: "PERIOD",
      valueValidityCount: 12,
      valueValidityUnit: "MONTH",
      productSkus: ["SKU-1", "SKU-2"],
      productFamilyIds: [family],
    });
    const { code } = await testPass(ctx, plan);
    const before = Date.now();
    const result = await redeemPass(ctx, { code, contactId: contact.id });
    const { lot, pocket } = await creditOf(ctx, result.redemptionId);
    expect(pocket).toMatchObject({ kind: "POCKET", commercePoolId: pool!.id, balanceMinor: 2500 });
    expect(lot).toMatchObject({ productSkus: ["SKU-1", "SKU-2"], productFamilyIds: [family], amountMinor: 2500 });
    const expected = new Date(before);
    expected.setMonth(expected.getMonth() + 12);
    expect(Math.abs(lot.expiresAt!.getTime() - expected.getTime())).toBeLessThan(2 * day);
    const pockets = result.credit!.balances.pockets;
    expect(pockets.find((p) => p.commercePoolId === pool!.id)?.balanceMinor).toBe(2500);
    expect(pockets.find((p) => p.commercePoolId === null)?.balanceMinor).toBe(0);
    await expectLedgerOk(ctx);
  });

  it("gives funds of a DATE validity plan the plan's fixed date", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const until = new Date(Date.now() + 40 * day);
    const { code } = await testPass(ctx, await testPlan(ctx, { valueValidityKind: "DATE", valueValidUntil: until }));
    const result = await redeemPass(ctx, { code, contactId: contact.id });
    expect((await creditOf(ctx, result.redemptionId)).lot.expiresAt?.getTime()).toBe(until.getTime());
    await expectLedgerOk(ctx);
  });

  it("makes one credit lot per partial redemption of a multi-use pass", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 3 }));
    const first = await redeemPass(ctx, { code, contactId: contact.id, amountMinor: 1000 });
    const second = await redeemPass(ctx, { code, contactId: contact.id, amountMinor: 700 });
    expect(second.credit!.balances.availableMinor).toBe(1700);
    expect(second.credit!.walletId).toBe(first.credit!.walletId);
    const lots = await ctx.db.select().from(creditLots).where(eq(creditLots.walletId, first.credit!.walletId));
    expect(lots.map((l) => l.amountMinor).sort()).toEqual([1000, 700].sort());
    expect(lots.map((l) => l.sourceId).sort()).toEqual([first.redemptionId, second.redemptionId].sort());
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ remainingValueMinor: 800, usesCount: 2, state: "ACTIVE" });
    await expectLedgerOk(ctx);
  });

  it("credits a gift redeemed without a contact to a new nameless contact and wallet, which the pass and redemption then name", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    const result = await redeemPass(ctx, { code });
    const contactId = result.credit!.contactId;
    const [contact] = await ctx.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact?.kind).toBe("nameless");
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after?.contactId).toBe(contactId);
    const [redemption] = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.id, result.redemptionId));
    expect(redemption?.contactId).toBe(contactId);
    const { lot } = await creditOf(ctx, result.redemptionId);
    expect(lot.walletId).toBe(result.credit!.walletId);
    expect(result.credit!.balances.availableMinor).toBe(2500);
    await expectLedgerOk(ctx);
  });

  it("credits later partial redemptions of a gift without a contact to the pass's owner, not to new nameless contacts", async () => {
    const ctx = await contextAs("support");
    const { code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 3 }));
    const first = await redeemPass(ctx, { code, amountMinor: 1000 });
    const second = await redeemPass(ctx, { code, amountMinor: 500 });
    expect(second.credit!.contactId).toBe(first.credit!.contactId);
    expect(second.credit!.walletId).toBe(first.credit!.walletId);
    expect(second.credit!.balances.availableMinor).toBe(1500);
    await expectLedgerOk(ctx);
  });

  it("refuses a top-up without a contact, and leaves the pass unused", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { type: "TOP_UP" }));
    const err = await refusal(redeemPass(ctx, { code }));
    expect(err.details).toMatchObject({ fieldErrors: { contactId: ["A top-up pass is redeemed into a contact's wallet: name the contact."] } });
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ state: "ACTIVE", usesCount: 0, remainingValueMinor: 2500 });
    expect(await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id))).toHaveLength(0);
  });

  it("refuses a pass in another currency than the contact's wallet (CURRENCY_MISMATCH), unless the wallet setting opens a new wallet", async () => {
    const ctx = await contextAs("support");
    const admin = await contextAs("admin");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    await ensureWallet(ctx, contact.id, "GBP");
    const plan = await testPlan(ctx, { currency: "EUR" });
    const { pass, code } = await testPass(ctx, plan);
    const err = await refusal(redeemPass(ctx, { code, contactId: contact.id }));
    expect(err.code).toBe("CURRENCY_MISMATCH");
    expect(err.details).toEqual({ walletCurrency: "GBP", passCurrency: "EUR" });
    const [unused] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(unused).toMatchObject({ state: "ACTIVE", usesCount: 0 });

    await updateWalletSettings(admin, { openWalletInPlanCurrency: true });
    const result = await redeemPass(ctx, { code, contactId: contact.id });
    expect(result.credit!.balances).toMatchObject({ currency: "EUR", availableMinor: 2500 });
    const [other] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(other?.state).toBe("REDEEMED");
    await expectLedgerOk(ctx);
  });

  it("records a promotion pass's unlock of its linked offer without any credit or journal entry", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const plan = await testPlan(ctx, { type: "PROMOTION" });
    const [offer] = await ctx.db.select().from(rewardOffers).where(eq(rewardOffers.id, plan.linkedRewardOfferId!));
    expect(offer).toBeDefined();
    const { code } = await testPass(ctx, plan);
    const result = await redeemPass(ctx, { code, contactId: contact.id });
    expect(result).toMatchObject({ unlocked: { kind: "REWARD_OFFER", rewardOfferId: offer!.id }, credit: null });
    const [redemption] = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.id, result.redemptionId));
    expect(redemption).toMatchObject({ contactId: contact.id, amountMinor: null });
    expect(await ctx.db.select().from(journalEntries).where(eq(journalEntries.causeId, result.redemptionId))).toHaveLength(0);
    expect(await ctx.db.select().from(creditLots).where(eq(creditLots.sourceId, result.redemptionId))).toHaveLength(0);
    await expectLedgerOk(ctx);
  });
});
