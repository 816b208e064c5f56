import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, contacts, domainEvents, holds, journalEntries, ledgerPostings } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { systemActor } from "../../actor";
import { refusal } from "../../contacts/test-fixtures";
import { verifyLedger } from "../../ledger/verify";
import { walletBalances } from "../balances";
import { emptyWallet, fundLot, fundOpen, lotRemaining, poolWithOrganisation, systemBalance } from "../wallet-test-fixtures";
import { captureHold, expireHolds, partsToReturn, releaseHold } from "./close";
import { placeHold } from "./place";

testDatabase();

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

describe("placeHold", () => {
  it("holds soonest-expiring lots first, then open funds, in one HOLD entry; available drops, held rises", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const late = await fundLot(ctx, wallet, 500, { expiresAt: days(60) });
    const soon = await fundLot(ctx, wallet, 300, { expiresAt: days(5) });
    await fundOpen(ctx, wallet, 400);
    const hold = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 1000, reference: "estimate-1" });
    expect(hold).toMatchObject({ state: "ACTIVE", amountMinor: 1000, capturedMinor: 0, reference: "estimate-1", closingEntryId: null });
    expect(hold.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(hold.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[late, 0], [soon, 0]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ openMinor: 200, heldMinor: 1000, availableMinor: 200, totalMinor: 1200 });
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, hold.holdEntryId));
    expect(postings.filter((p) => p.creditLotId).map((p) => [p.creditLotId, p.amountMinor]).sort()).toEqual([[late, -500], [soon, -300]].sort());
    const [row] = await ctx.db.select().from(holds).where(eq(holds.id, hold.holdId));
    expect(row!.sources.map((s) => [s.creditLotId, s.amountMinor])).toEqual([[soon, 300], [late, 500], [null, 200]]);
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, hold.holdEntryId));
    expect(entry).toMatchObject({ kind: "HOLD", causeType: "hold", causeId: hold.holdId, actorId: ctx.actor.id });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("refuses more than the eligible funds (writing nothing), a blocked contact, and lots whose conditions or pool do not fit", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const { poolId, organisationId } = await poolWithOrganisation(ctx);
    const other = await poolWithOrganisation(ctx);
    await fundLot(ctx, wallet, 200);
    await fundLot(ctx, wallet, 300, { productSkus: ["SKU-COFFEE"] });
    await fundLot(ctx, wallet, 400, { commercePoolId: poolId });
    await fundLot(ctx, wallet, 50, { expiresAt: days(-1) });
    const hold = (amountMinor: number, extra: object = {}) => placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor, ...extra });

    const err = await refusal(hold(201, { organisationId: other.organisationId }));
    expect(err).toMatchObject({ code: "INSUFFICIENT_FUNDS", details: { requestedMinor: 201, availableMinor: 200 } });
    expect((await walletBalances(ctx, wallet.id)).heldMinor).toBe(0);
    expect(await ctx.db.select().from(holds).where(eq(holds.walletId, wallet.id))).toEqual([]);

    expect((await refusal(hold(601, { organisationId }))).code).toBe("INSUFFICIENT_FUNDS");
    expect((await hold(600, { organisationId })).amountMinor).toBe(600);
    expect((await refusal(hold(1, { basket: [{ sku: "SKU-TEA", amountMinor: 500 }] }))).code).toBe("INSUFFICIENT_FUNDS");
    expect((await hold(300, { basket: [{ sku: "SKU-COFFEE", amountMinor: 500 }] })).amountMinor).toBe(300);
    expect((await refusal(hold(1))).code).toBe("INSUFFICIENT_FUNDS");

    await ctx.db.update(contacts).set({ spendingBlocked: true }).where(eq(contacts.id, wallet.contactId));
    await fundOpen(ctx, wallet, 100);
    expect((await refusal(hold(10))).code).toBe("SPENDING_BLOCKED");
    expect((await refusal(placeHold(ctx, { contactId: (await emptyWallet(ctx)).contactId, currency: "USD", amountMinor: 1 }))).code).toBe("CURRENCY_MISMATCH");
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("never reserves more than the wallet holds under parallel holds", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    await fundLot(ctx, wallet, 600, { expiresAt: days(3) });
    await fundOpen(ctx, wallet, 400);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 300 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ heldMinor: 900, availableMinor: 100 });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });
});

describe("captureHold and releaseHold", () => {
  it("releases every cent back to its lot and open funds, once; a second release or a capture is INVALID_STATE", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const lot = await fundLot(ctx, wallet, 500, { expiresAt: days(10) });
    await fundOpen(ctx, wallet, 250);
    const hold = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 700 });
    const released = await releaseHold(ctx, { holdId: hold.holdId });
    expect(released).toMatchObject({ state: "RELEASED", capturedMinor: 0, closingEntryId: expect.any(String) });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[lot, 500]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ openMinor: 250, heldMinor: 0, availableMinor: 750 });
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, released.closingEntryId!));
    expect(entry).toMatchObject({ kind: "HOLD_RELEASE", reversesEntryId: hold.holdEntryId, causeId: hold.holdId });
    expect(await refusal(releaseHold(ctx, { holdId: hold.holdId }))).toMatchObject({ code: "INVALID_STATE", details: { state: "RELEASED" } });
    expect((await refusal(captureHold(ctx, { holdId: hold.holdId }))).code).toBe("INVALID_STATE");
    expect((await refusal(releaseHold(ctx, { holdId: "0190c3a5-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, hold.holdId));
    expect(audit.map((a) => a.action).sort()).toEqual(["hold.placed", "hold.released"]);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("captures part to settlement and returns the rest in reverse order of consumption; capture twice or above the hold is refused", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const soon = await fundLot(ctx, wallet, 300, { expiresAt: days(2) });
    const late = await fundLot(ctx, wallet, 300, { expiresAt: days(20) });
    await fundOpen(ctx, wallet, 100);
    const settlementBefore = await systemBalance(ctx, "SETTLEMENT");
    const hold = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 700 });
    expect((await refusal(captureHold(ctx, { holdId: hold.holdId, amountMinor: 701 }))).code).toBe("VALIDATION_FAILED");
    const captured = await captureHold(ctx, { holdId: hold.holdId, amountMinor: 350 });
    expect(captured).toMatchObject({ state: "CAPTURED", capturedMinor: 350 });
    // 350 returned: 100 open funds first, then 250 of the later lot; the soonest lot stays spent.
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[soon, 0], [late, 250]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ openMinor: 100, heldMinor: 0, availableMinor: 350 });
    expect((await systemBalance(ctx, "SETTLEMENT")) - settlementBefore).toBe(350);
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, captured.closingEntryId!));
    expect(entry!.kind).toBe("HOLD_CAPTURE");
    expect((await refusal(captureHold(ctx, { holdId: hold.holdId }))).code).toBe("INVALID_STATE");

    const whole = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 350 });
    expect(await captureHold(ctx, { holdId: whole.holdId })).toMatchObject({ capturedMinor: 350 });
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ totalMinor: 0 });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("lets exactly one of parallel captures and releases of one hold win", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    await fundLot(ctx, wallet, 1000);
    const hold = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 800 });
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => captureHold(ctx, { holdId: hold.holdId, amountMinor: 100 })),
      ...Array.from({ length: 5 }, () => releaseHold(ctx, { holdId: hold.holdId })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await walletBalances(ctx, wallet.id)).heldMinor).toBe(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("splits the returned amount over the sources from the last one back", () => {
    const sources = [
      { accountId: "p", creditLotId: "a", amountMinor: 300 },
      { accountId: "p", creditLotId: "b", amountMinor: 200 },
      { accountId: "o", creditLotId: null, amountMinor: 100 },
    ];
    expect(partsToReturn(sources, 0)).toEqual([]);
    expect(partsToReturn(sources, 250).map((p) => [p.creditLotId, p.amountMinor])).toEqual([[null, 100], ["b", 150]]);
    expect(partsToReturn(sources, 600).reduce((s, p) => s + p.amountMinor, 0)).toBe(600);
  });
});

describe("expireHolds", () => {
  it("releases ACTIVE holds past their expiry as EXPIRED with an event and audit entry each; capture of a timed-out hold is refused", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const lot = await fundLot(ctx, wallet, 900);
    const due = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 400 });
    const fresh = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 300 });
    // Moved to this test's own clock, years back, so holds of parallel tests stay out of the run.
    const now = new Date("2002-03-01T00:00:00Z");
    await ctx.db.update(holds).set({ expiresAt: new Date("2002-02-28T23:50:00Z") }).where(eq(holds.id, due.holdId));
    expect((await refusal(captureHold(ctx, { holdId: due.holdId }))).message).toBe("This hold has expired.");

    expect(await expireHolds({ db: ctx.db, actor: systemActor("hold expiry job") }, { now, batchSize: 1 })).toBe(1);
    const [row] = await ctx.db.select().from(holds).where(eq(holds.id, due.holdId));
    expect(row).toMatchObject({ state: "EXPIRED", capturedMinor: 0 });
    expect((await ctx.db.select().from(holds).where(eq(holds.id, fresh.holdId)))[0]!.state).toBe("ACTIVE");
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[lot, 600]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ heldMinor: 300, availableMinor: 600 });
    const events = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, due.holdId));
    expect(events.map((e) => e.type).sort()).toEqual(["hold.expired", "hold.placed"]);
    expect((await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, due.holdId))).map((a) => [a.action, a.actorLabel])).toContainEqual(["hold.expired", "hold expiry job"]);
    expect(await expireHolds({ db: ctx.db, actor: systemActor("hold expiry job") }, { now })).toBe(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });
});
