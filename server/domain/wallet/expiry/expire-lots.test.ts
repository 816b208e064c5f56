import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creditLots, domainEvents, journalEntries, ledgerPostings } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { systemActor } from "../../actor";
import { verifyLedger } from "../../ledger/verify";
import { walletBalances } from "../balances";
import { placeHold } from "../holds/place";
import { releaseHold } from "../holds/close";
import { emptyWallet, fundLot, lotRemaining, systemBalance } from "../wallet-test-fixtures";
import { expireCreditLots } from "./expire-lots";

testDatabase();

/** This file's own clock, years back, so lots of parallel tests stay out of its runs. */
const now = new Date("2003-06-01T00:00:00Z");
const at = (iso: string) => new Date(iso);
const job = (ctx: { db: Parameters<typeof expireCreditLots>[0]["db"] }) => ({ db: ctx.db, actor: systemActor("credit lot expiry job") });

describe("expireCreditLots", () => {
  it("moves what is left of each expired lot to breakage in its own EXPIRY entry, in batches, with events and a batch audit", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const a = await fundLot(ctx, wallet, 400, { expiresAt: at("2003-05-01T00:00:00Z") });
    const b = await fundLot(ctx, wallet, 250, { expiresAt: at("2003-05-20T00:00:00Z") });
    const later = await fundLot(ctx, wallet, 300, { expiresAt: at("2003-07-01T00:00:00Z") });
    const never = await fundLot(ctx, wallet, 100);
    const other = await emptyWallet(ctx);
    const c = await fundLot(ctx, other, 75, { expiresAt: at("2003-05-31T23:00:00Z") });
    const breakageBefore = await systemBalance(ctx, "BREAKAGE");

    expect(await expireCreditLots(job(ctx), { now, batchSize: 2 })).toEqual({ lots: 3, amountMinor: 725 });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[a, 0], [b, 0], [later, 300], [never, 100]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ availableMinor: 400 });
    expect((await walletBalances(ctx, other.id)).availableMinor).toBe(0);
    expect((await systemBalance(ctx, "BREAKAGE")) - breakageBefore).toBe(725);
    const rows = await ctx.db.select().from(creditLots).where(inArray(creditLots.id, [a, b, c, later]));
    expect(rows.filter((r) => r.expiredAt?.getTime() === now.getTime()).map((r) => r.id).sort()).toEqual([a, b, c].sort());

    const entries = await ctx.db.select().from(journalEntries).where(and(eq(journalEntries.kind, "EXPIRY"), inArray(journalEntries.causeId, [a, b, c])));
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.causeType === "credit_lot" && e.actorLabel === "credit lot expiry job")).toBe(true);
    const lotPosting = await ctx.db.select().from(ledgerPostings).where(and(eq(ledgerPostings.creditLotId, a), eq(ledgerPostings.amountMinor, -400)));
    expect(lotPosting).toHaveLength(1);
    const events = await ctx.db.select().from(domainEvents).where(and(eq(domainEvents.type, "credit_lot.expired"), inArray(domainEvents.entityId, [a, b, c])));
    expect(events.map((e) => (e.payload as { expiredMinor: number }).expiredMinor).sort()).toEqual([250, 400, 75].sort());
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "credit_lot.expired_batch"));
    expect(audits.flatMap((x) => (x.after as { creditLotIds: string[] }).creditLotIds)).toEqual(expect.arrayContaining([a, b, c]));

    expect(await expireCreditLots(job(ctx), { now })).toEqual({ lots: 0, amountMinor: 0 });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("expires only what is left, and a held part released into an expired lot on the next run", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const soon = new Date(Date.now() + 3_600_000);
    const lot = await fundLot(ctx, wallet, 500, { expiresAt: soon });
    const hold = await placeHold(ctx, { contactId: wallet.contactId, currency: "EUR", amountMinor: 200 });
    const later = new Date(soon.getTime() + 60_000);
    // Other lots of the run may be due by then too: assert on this wallet only.
    await expireCreditLots(job(ctx), { now: later });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[lot, 0]]));
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ availableMinor: 0, heldMinor: 200 });
    await releaseHold(ctx, { holdId: hold.holdId });
    expect(await lotRemaining(ctx, wallet.id)).toEqual(new Map([[lot, 200]]));
    expect((await verifyLedger(ctx)).problems).toEqual([]);
    expect((await expireCreditLots(job(ctx), { now: later })).amountMinor).toBeGreaterThanOrEqual(200);
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ totalMinor: 0 });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });
});
