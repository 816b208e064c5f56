import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creditLots, journalEntries, ledgerPostings } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { refusal } from "../../contacts/test-fixtures";
import { verifyLedger } from "../../ledger/verify";
import { walletBalances } from "../balances";
import { placeHold } from "../holds/place";
import { emptyWallet, fundLot, fundOpen, lotRemaining, poolWithOrganisation, systemBalance } from "../wallet-test-fixtures";
import { adjustWallet } from "./adjust";

testDatabase();

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

describe("adjustWallet", () => {
  it("credits a new lot funded by ADJUSTMENTS with the reason as memo, audited; a pool pocket and expiry when given", async () => {
    const ctx = await contextAs("finance");
    const wallet = await emptyWallet(ctx);
    const { poolId } = await poolWithOrganisation(ctx);
    const before = await systemBalance(ctx, "ADJUSTMENTS");
    const credit = await adjustWallet(ctx, { contactId: wallet.contactId, currency: "eur", amountMinor: 1250, reason: "Goodwill for a late delivery", commercePoolId: poolId, expiresAt: days(90) });
    expect(credit).toMatchObject({ walletId: wallet.id, amountMinor: 1250, creditLotId: expect.any(String), balances: { availableMinor: 1250 } });
    expect(credit.balances.pockets.find((p) => p.commercePoolId === poolId)?.balanceMinor).toBe(1250);
    const [lot] = await ctx.db.select().from(creditLots).where(eq(creditLots.id, credit.creditLotId!));
    expect(lot).toMatchObject({ amountMinor: 1250, remainingMinor: 1250, sourceType: "adjustment", sourceId: credit.adjustmentId });
    expect(Math.abs(lot!.expiresAt!.getTime() - days(90).getTime())).toBeLessThan(60_000);
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, credit.journalEntryId));
    expect(entry).toMatchObject({ kind: "ADJUSTMENT", memo: "Goodwill for a late delivery", causeType: "adjustment", causeId: credit.adjustmentId, actorId: ctx.actor.id });
    expect((await systemBalance(ctx, "ADJUSTMENTS")) - before).toBe(-1250);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "wallet.adjusted"), eq(auditLog.entityId, wallet.id)));
    expect(audit).toMatchObject({ actorId: ctx.actor.id, after: { amountMinor: 1250, reason: "Goodwill for a late delivery", journalEntryId: credit.journalEntryId } });

    const fresh = await emptyWallet(ctx, "GBP");
    const usd = await adjustWallet(ctx, { contactId: fresh.contactId, currency: "USD", amountMinor: 99, reason: "Opening correction" });
    expect(usd.balances).toMatchObject({ currency: "USD", availableMinor: 99 });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("debits unexpired lots soonest-expiring first whatever their product conditions, leaving open funds alone", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const late = await fundLot(ctx, wallet, 500, { expiresAt: days(40) });
    const soon = await fundLot(ctx, wallet, 300, { expiresAt: days(4), productSkus: ["SKU-ONLY"] });
    const expired = await fundLot(ctx, wallet, 200, { expiresAt: days(-1) });
    await fundOpen(ctx, wallet, 1000);
    const debit = await adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: -450, reason: "Credited twice by mistake" });
    expect(debit).toMatchObject({ amountMinor: -450, creditLotId: null, balances: { openMinor: 1000 } });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[late, 350], [soon, 0], [expired, 200]]));
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, debit.journalEntryId));
    expect(postings.filter((p) => p.creditLotId).map((p) => [p.creditLotId, p.amountMinor]).sort()).toEqual([[late, -150], [soon, -300]].sort());

    const err = await refusal(adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: -351, reason: "Too much taken back" }));
    expect(err).toMatchObject({ code: "INSUFFICIENT_FUNDS", details: { requestedMinor: 351, availableMinor: 350 } });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[late, 350], [soon, 0], [expired, 200]]));
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(1000);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("credits the open funds from ADJUSTMENTS without a credit lot, with the reason as memo, audited", async () => {
    const ctx = await contextAs("finance");
    const wallet = await emptyWallet(ctx);
    await fundLot(ctx, wallet, 300);
    const before = await systemBalance(ctx, "ADJUSTMENTS");
    const lotsBefore = await ctx.db.select().from(creditLots).where(eq(creditLots.walletId, wallet.id));
    const credit = await adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 800, funds: "OPEN", reason: "Refund owed outside the system" });
    expect(credit).toMatchObject({ funds: "OPEN", amountMinor: 800, creditLotId: null, balances: { openMinor: 800, availableMinor: 1100 } });
    expect(credit.balances.pockets.map((p) => p.balanceMinor)).toEqual([300]);
    expect(await ctx.db.select().from(creditLots).where(eq(creditLots.walletId, wallet.id))).toEqual(lotsBefore);
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, credit.journalEntryId));
    expect(postings.map((p) => [p.amountMinor, p.creditLotId]).sort()).toEqual([[-800, null], [800, null]]);
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, credit.journalEntryId));
    expect(entry).toMatchObject({ kind: "ADJUSTMENT", memo: "Refund owed outside the system", causeId: credit.adjustmentId, actorId: ctx.actor.id });
    expect((await systemBalance(ctx, "ADJUSTMENTS")) - before).toBe(-800);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "wallet.adjusted"), eq(auditLog.entityId, wallet.id)));
    expect(audit).toMatchObject({ after: { funds: "OPEN", amountMinor: 800, reason: "Refund owed outside the system", creditLotId: null } });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("debits the open funds down to what is available: held funds are not, and a larger debit writes nothing", async () => {
    const ctx = await contextAs("finance");
    const wallet = await emptyWallet(ctx);
    const lot = await fundLot(ctx, wallet, 500);
    await fundOpen(ctx, wallet, 1000);
    await adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: -500, reason: "Lot credited by mistake" });
    await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 600 });
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ openMinor: 400, heldMinor: 600 });
    const entries = async () => (await ctx.db.select().from(journalEntries).where(eq(journalEntries.causeType, "adjustment"))).length;
    const entriesBefore = await entries();

    const err = await refusal(adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: -401, funds: "OPEN", reason: "Paid out by hand" }));
    expect(err).toMatchObject({ code: "INSUFFICIENT_FUNDS", details: { requestedMinor: 401, availableMinor: 400 } });
    expect(await entries()).toBe(entriesBefore);
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ openMinor: 400, heldMinor: 600 });

    const debit = await adjustWallet(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: -400, funds: "OPEN", reason: "Paid out by hand" });
    expect(debit).toMatchObject({ funds: "OPEN", creditLotId: null, balances: { openMinor: 0, heldMinor: 600, availableMinor: 0 } });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[lot, 0]]));
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("refuses a pool or an expiry for open funds", async () => {
    const ctx = await contextAs("finance");
    const wallet = await emptyWallet(ctx);
    const { poolId } = await poolWithOrganisation(ctx);
    const base = { contactId: wallet.contactId, currency: "EUR", amountMinor: 100, funds: "OPEN" as const, reason: "A good reason" };
    await expect(adjustWallet(ctx, { ...base, commercePoolId: poolId })).rejects.toThrow(/no commerce pool/);
    await expect(adjustWallet(ctx, { ...base, expiresAt: days(30) })).rejects.toThrow(/never expire/);
    expect((await walletBalances(ctx, wallet.id)).totalMinor).toBe(0);
  });

  it("refuses a short reason, a zero amount, a past expiry and an unknown contact", async () => {
    const ctx = await contextAs("finance");
    const wallet = await emptyWallet(ctx);
    const base = { contactId: wallet.contactId, currency: "EUR", amountMinor: 100, reason: "A good reason" };
    await expect(adjustWallet(ctx, { ...base, reason: " oops " })).rejects.toThrow(/at least 5 characters/);
    await expect(adjustWallet(ctx, { ...base, amountMinor: 0 })).rejects.toThrow(/other than zero/);
    expect(await refusal(adjustWallet(ctx, { ...base, expiresAt: days(-1) }))).toMatchObject({ code: "VALIDATION_FAILED", details: { fieldErrors: { expiresAt: expect.any(Array) } } });
    expect((await refusal(adjustWallet(ctx, { ...base, contactId: "0190c3a5-0000-7000-8000-000000000001" }))).code).toBe("NOT_FOUND");
    expect((await walletBalances(ctx, wallet.id)).totalMinor).toBe(0);
  });
});
