import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creditLots, domainEvents, journalEntries, ledgerPostings, passes, passRedemptions } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { createContact } from "../../contacts/create";
import { refusal, uniqueEmail, uniquePhone } from "../../contacts/test-fixtures";
import { inTransaction, type DomainContext } from "../../context";
import { systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { verifyLedger } from "../../ledger/verify";
import { consumeLots } from "../../wallet/credit-lots";
import { findWallet, pocketAccount } from "../../wallet/wallets";
import { getPassDetail } from "../history/detail";
import { redeemPass } from "../redeem/redeem";
import { codeIn, electronicPlan, openedMessagesOf, storedPass } from "../issue/test-helpers";
import { testPass, testPlan } from "../test-fixtures";
import { replaceLostPass } from "./replace-lost";
import { reverseRedemption } from "./reverse-redemption";

testDatabase();

async function expectLedgerOk(ctx: DomainContext) {
  const verified = await verifyLedger(ctx);
  expect(verified.problems).toEqual([]);
}

const auditActions = async (ctx: DomainContext, passId: string) =>
  (await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, passId)).orderBy(auditLog.at)).map((a) => a.action);
const eventTypes = async (ctx: DomainContext, passId: string) =>
  (await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, passId)).orderBy(domainEvents.seq)).map((e) => e.type);

describe("replaceLostPass", () => {
  it("cancels an electronic gift pass and issues a new one with its remaining value and uses to the same contact, linked, and sends it", async () => {
    const ctx = await contextAs("support");
    const email = uniqueEmail();
    const contact = await createContact(ctx, { email, phone: uniquePhone() });
    const plan = await electronicPlan(ctx, { usage: "MULTIPLE", maxUses: 5 });
    const expiresAt = new Date(Date.now() + 20 * 86_400_000);
    const { pass, code: oldCode } = await testPass(ctx, plan, { valueMinor: 5000, contactId: contact.id, expiresAt });
    await redeemPass(ctx, { code: oldCode, contactId: contact.id, amountMinor: 1200 });

    const result = await replaceLostPass(ctx, { passId: pass.id, reason: "Lost on the train" });
    expect(result.cancelled).toMatchObject({ passId: pass.id, state: "CANCELLED" });
    const replacement = await storedPass(ctx, result.replacement.passId);
    expect(replacement).toMatchObject({
      state: "ACTIVE",
      planId: plan.id,
      contactId: contact.id,
      replacesPassId: pass.id,
      initialValueMinor: 3800,
      remainingValueMinor: 3800,
      usesCount: 0,
      maxUses: 4,
      currency: "EUR",
    });
    expect(replacement.expiresAt?.getTime()).toBe(expiresAt.getTime());
    expect(replacement.codeHash).not.toBe((await storedPass(ctx, pass.id)).codeHash);

    const sent = await openedMessagesOf(ctx, replacement.id);
    expect(sent.map((m) => m.channel).sort()).toEqual(["EMAIL", "SMS"]);
    const newCode = codeIn(sent.find((m) => m.channel === "EMAIL")!.content.body);
    expect(newCode).not.toBe(oldCode);
    expect((await refusal(redeemPass(ctx, { code: oldCode, contactId: contact.id }))).code).toBe("PASS_NOT_ACTIVE");
    const redeemed = await redeemPass(ctx, { code: newCode, contactId: contact.id });
    expect(redeemed.credit?.balances.availableMinor).toBe(5000);

    expect((await getPassDetail(ctx, { passId: pass.id })).replacedByPassId).toBe(replacement.id);
    expect((await getPassDetail(ctx, { passId: replacement.id })).replacesPassId).toBe(pass.id);
    expect(await auditActions(ctx, pass.id)).toContain("pass.cancelled");
    expect(await auditActions(ctx, replacement.id)).toContain("pass.replaced");
    expect(await eventTypes(ctx, replacement.id)).toContain("pass.replaced");
    const [cancelledAudit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, pass.id), eq(auditLog.action, "pass.cancelled")));
    expect(cancelledAudit?.after).toMatchObject({ reason: "Lost on the train", replacedByPassId: replacement.id });
    expect(JSON.stringify(await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, replacement.id)))).not.toContain(newCode);
    await expectLedgerOk(ctx);
  });

  it("issues a printed plan's replacement into its on-demand lot and emails the code to the contact", async () => {
    const ctx = await contextAs("support");
    const email = uniqueEmail();
    const contact = await createContact(ctx, { email });
    const plan = await testPlan(ctx, { distribution: "PRINTED", communicationTemplate: null });
    const { pass } = await testPass(ctx, plan, { contactId: contact.id });
    const result = await replaceLostPass(ctx, { passId: pass.id, reason: "Card lost" });
    const replacement = await storedPass(ctx, result.replacement.passId);
    expect(replacement).toMatchObject({ replacesPassId: pass.id, remainingValueMinor: 2500, state: "ACTIVE" });
    const sent = await openedMessagesOf(ctx, replacement.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: "EMAIL", recipient: email.toLowerCase() });
    const code = codeIn(sent[0]!.content.body);
    expect((await redeemPass(ctx, { code, contactId: contact.id })).credit?.creditedMinor).toBe(2500);
  });

  it("refuses a promotion or top-up pass, a pass without a registered contact, a used-up or cancelled pass, and changes nothing", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const topUp = await testPass(ctx, await electronicPlan(ctx, { type: "TOP_UP" }), { valueMinor: 2000, contactId: contact.id });
    const noContact = await testPass(ctx, await electronicPlan(ctx), { valueMinor: 2000 });
    const redeemedGift = await testPass(ctx, await electronicPlan(ctx), { valueMinor: 2000, contactId: contact.id });
    await redeemPass(ctx, { code: redeemedGift.code, contactId: contact.id });
    const cancelled = await testPass(ctx, await electronicPlan(ctx), { valueMinor: 2000, contactId: contact.id });
    await ctx.db.update(passes).set({ state: "CANCELLED" }).where(eq(passes.id, cancelled.pass.id));
    expect((await refusal(replaceLostPass(ctx, { passId: topUp.pass.id, reason: "x" }))).message).toBe("Only a gift pass can be replaced when lost.");
    expect((await refusal(replaceLostPass(ctx, { passId: noContact.pass.id, reason: "x" }))).message).toMatch(/registered contact/);
    expect((await refusal(replaceLostPass(ctx, { passId: redeemedGift.pass.id, reason: "x" }))).code).toBe("INVALID_STATE");
    expect((await refusal(replaceLostPass(ctx, { passId: cancelled.pass.id, reason: "x" }))).code).toBe("INVALID_STATE");
    expect((await storedPass(ctx, topUp.pass.id)).state).toBe("ACTIVE");
    expect(await ctx.db.select().from(passes).where(eq(passes.replacesPassId, topUp.pass.id))).toHaveLength(0);
  });
});

/** Simulates a purchase paid from the pocket: consume lots and post the spend to settlement. */
async function spendFromWallet(ctx: DomainContext, contactId: string, amountMinor: number) {
  await inTransaction(ctx, async (tx) => {
    const wallet = (await findWallet(tx, contactId, "EUR"))!;
    const pocket = await pocketAccount(tx, wallet, null);
    const { postings, takenMinor } = await consumeLots(tx, { pockets: [pocket], amountMinor });
    await postEntry(tx, {
      kind: "SPEND",
      causeType: "test_spend",
      causeId: null,
      postings: [...postings, { account: await systemAccount(tx, "SETTLEMENT", "EUR"), amountMinor: takenMinor }],
    });
  });
}

describe("reverseRedemption", () => {
  it("rolls back an unspent redemption: reversing entry to the pass liability, empty lot, pass ACTIVE with its value again", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const plan = await testPlan(ctx);
    const { pass, code } = await testPass(ctx, plan);
    const redeemed = await redeemPass(ctx, { code, contactId: contact.id });

    const result = await reverseRedemption(ctx, { redemptionId: redeemed.redemptionId, reason: "Redeemed on the wrong account" });
    expect(result).toMatchObject({ reversedMinor: 2500, pass: { state: "ACTIVE", remainingValueMinor: 2500, usesCount: 0 }, balances: { availableMinor: 0 } });
    expect((await storedPass(ctx, pass.id)).redeemedAt).toBeNull();
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, result.journalEntryId));
    expect(entry).toMatchObject({ kind: "PASS_REDEMPTION_REVERSAL", reversesEntryId: redeemed.credit!.journalEntryId, memo: "Redeemed on the wrong account", actorId: ctx.actor.id });
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, entry!.id));
    const liability = await systemAccount(ctx, "PASS_LIABILITY", "EUR", { passPlanId: plan.id });
    expect(postings.map((p) => [p.accountId === liability.id ? "LIABILITY" : "POCKET", p.amountMinor]).sort()).toEqual([["LIABILITY", 2500], ["POCKET", -2500]]);
    const [lot] = await ctx.db.select().from(creditLots).where(eq(creditLots.id, redeemed.credit!.creditLotId));
    expect(lot).toMatchObject({ amountMinor: 2500, remainingMinor: 0 });
    const [redemption] = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.id, redeemed.redemptionId));
    expect(redemption?.reversedAt).toBeInstanceOf(Date);
    expect(await auditActions(ctx, pass.id)).toContain("pass.redemption_reversed");
    expect(await eventTypes(ctx, pass.id)).toEqual(["pass.redeemed", "pass.redemption_reversed"]);

    const again = await refusal(reverseRedemption(ctx, { redemptionId: redeemed.redemptionId, reason: "twice" }));
    expect(again.code).toBe("INVALID_STATE");
    const twice = await redeemPass(ctx, { code, contactId: contact.id });
    expect(twice.credit?.balances.availableMinor).toBe(2500);
    await expectLedgerOk(ctx);
  });

  it("gives a use back to a multi-use pass partially redeemed", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 2 }));
    await redeemPass(ctx, { code, contactId: contact.id, amountMinor: 1000 });
    const last = await redeemPass(ctx, { code, contactId: contact.id, amountMinor: 500 });
    expect(last.pass.state).toBe("REDEEMED");
    expect((await getPassDetail(ctx, { passId: pass.id })).latestRedemption).toMatchObject({ id: last.redemptionId, amountMinor: 500 });
    await reverseRedemption(ctx, { redemptionId: last.redemptionId, reason: "wrong amount" });
    expect((await getPassDetail(ctx, { passId: pass.id })).latestRedemption?.amountMinor).toBe(1000);
    expect(await storedPass(ctx, pass.id)).toMatchObject({ state: "ACTIVE", remainingValueMinor: 1500, usesCount: 1 });
    await expectLedgerOk(ctx);
  });

  it("refuses when any of the credited funds were spent, and changes nothing", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    const redeemed = await redeemPass(ctx, { code, contactId: contact.id });
    await spendFromWallet(ctx, contact.id, 100);
    const err = await refusal(reverseRedemption(ctx, { redemptionId: redeemed.redemptionId, reason: "too late" }));
    expect([err.code, err.message]).toEqual(["BUSINESS_RULE", "The credited funds have been used or have expired: this redemption can no longer be rolled back."]);
    expect(await storedPass(ctx, pass.id)).toMatchObject({ state: "REDEEMED", remainingValueMinor: 0 });
    const [redemption] = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.id, redeemed.redemptionId));
    expect(redemption?.reversedAt).toBeNull();
    const [lot] = await ctx.db.select().from(creditLots).where(eq(creditLots.id, redeemed.credit!.creditLotId));
    expect(lot?.remainingMinor).toBe(2400);
    expect(await ctx.db.select().from(journalEntries).where(eq(journalEntries.reversesEntryId, redeemed.credit!.journalEntryId))).toHaveLength(0);
    await expectLedgerOk(ctx);
  });

  it("refuses a redemption whose funds expired, a promotion redemption, and an unknown one", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { code } = await testPass(ctx, await testPlan(ctx));
    const redeemed = await redeemPass(ctx, { code, contactId: contact.id });
    await ctx.db.update(creditLots).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(creditLots.id, redeemed.credit!.creditLotId));
    expect((await refusal(reverseRedemption(ctx, { redemptionId: redeemed.redemptionId, reason: "x" }))).code).toBe("BUSINESS_RULE");
    const promo = await testPass(ctx, await testPlan(ctx, { type: "PROMOTION" }));
    const unlocked = await redeemPass(ctx, { code: promo.code, contactId: contact.id });
    expect((await refusal(reverseRedemption(ctx, { redemptionId: unlocked.redemptionId, reason: "x" }))).code).toBe("BUSINESS_RULE");
    expect((await refusal(reverseRedemption(ctx, { redemptionId: "01900000-0000-7000-8000-000000000000", reason: "x" }))).code).toBe("NOT_FOUND");
  });
});
