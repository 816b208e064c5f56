import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { journalEntries, payoutRequests } from "@/db/schema";
import { configurePaymentAdapter, paymentAdapter } from "@/server/adapters/payments";
import { RecordingPaymentAdapter } from "@/server/adapters/payments/recording";
import type { PayoutOrder } from "@/server/adapters/payments/types";
import { contextAs, testDatabase } from "@/test/db";
import { systemActor } from "../../actor";
import { blockContactSpending } from "../../contacts/spending-block";
import { refusal } from "../../contacts/test-fixtures";
import type { DomainContext } from "../../context";
import { trailOf } from "../../network/test-fixtures";
import { verifyLedger } from "../../ledger/verify";
import { walletBalances } from "../balances";
import { contactWithWallet, fund } from "../operations-test-fixtures";
import { redeemFunds } from "../redeem-funds";
import { approvePayout, commitApproval, rejectPayout } from "./decide";
import { payoutQueue } from "./read";
import { settlementGraceMs, settleStuckPayouts } from "./recover";
import { requestPayout } from "./request";

testDatabase();

let adapter = new RecordingPaymentAdapter();
afterEach(() => {
  adapter = new RecordingPaymentAdapter();
  configurePaymentAdapter(adapter);
});
configurePaymentAdapter(adapter);

async function walletWithOpenFunds(ctx: DomainContext, openMinor: number) {
  const { contactId, wallet } = await contactWithWallet(ctx);
  await fund(ctx, wallet, openMinor + 100);
  await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: openMinor });
  return { contactId, wallet };
}

const ledgerOk = async (ctx: DomainContext) => expect((await verifyLedger(ctx)).problems).toEqual([]);

const recoveryJob = (ctx: DomainContext): DomainContext => ({ db: ctx.db, actor: systemActor("payout recovery job") });

/** A payout whose approval was committed and whose process then died: APPROVED, money in PAYOUTS, never settled. */
async function stuckPayout(ctx: DomainContext, openMinor: number, amountMinor: number) {
  const { contactId, wallet } = await walletWithOpenFunds(ctx, openMinor);
  const requested = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor });
  const approved = await commitApproval(ctx, { payoutId: requested.payoutId });
  return { contactId, wallet, payoutId: requested.payoutId, decidedAt: approved.decidedAt! };
}

const stateOf = async (ctx: DomainContext, payoutId: string) => (await ctx.db.select().from(payoutRequests).where(eq(payoutRequests.id, payoutId)))[0]!;
const afterGrace = (decidedAt: Date, extraMs: number) => new Date(decidedAt.getTime() + settlementGraceMs + extraMs);

describe("payouts", () => {
  it("requests, approves and pays through the adapter: open funds move to PAYOUTS once, PAID with the provider reference", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await walletWithOpenFunds(ctx, 700);
    const requested = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 500 });
    expect(requested).toMatchObject({ state: "REQUESTED", amountMinor: 500 });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(700);
    const paid = await approvePayout(ctx, { payoutId: requested.payoutId });
    expect(paid).toMatchObject({ state: "PAID", providerReference: `rec_${requested.payoutId}`, decidedByLabel: ctx.actor.label });
    expect(adapter.calls).toEqual([{ idempotencyKey: requested.payoutId, contactId, currency: "EUR", amountMinor: 500 }]);
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(200);
    expect((await refusal(approvePayout(ctx, { payoutId: requested.payoutId }))).code).toBe("INVALID_STATE");
    expect(adapter.calls).toHaveLength(1);
    expect((await trailOf(ctx, "payout", requested.payoutId)).eventTypes).toEqual(["payout.requested", "payout.approved", "payout.paid"]);
    await ledgerOk(ctx);
  });

  it("returns the funds to open funds with a reversing entry when the provider fails, and marks the payout FAILED with the reason", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await walletWithOpenFunds(ctx, 400);
    const requested = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 400 });
    adapter.failNext("Account closed");
    const failed = await approvePayout(ctx, { payoutId: requested.payoutId });
    expect(failed).toMatchObject({ state: "FAILED", reason: "Account closed", providerReference: null });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(400);
    const [row] = await ctx.db.select().from(payoutRequests).where(eq(payoutRequests.id, requested.payoutId));
    const [reversal] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, row!.reversalEntryId!));
    expect(reversal).toMatchObject({ kind: "PAYOUT_REVERSAL", reversesEntryId: row!.payoutEntryId });
    await ledgerOk(ctx);
  });

  it("refuses requests beyond open funds (commerce funds are not paid out), blocked contacts, and approval once the funds are gone; rejects with a reason", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await walletWithOpenFunds(ctx, 300);
    expect((await refusal(requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 301 }))).code).toBe("INSUFFICIENT_FUNDS");
    const first = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 300 });
    const second = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 300 });
    await approvePayout(ctx, { payoutId: first.payoutId });
    expect((await refusal(approvePayout(ctx, { payoutId: second.payoutId }))).code).toBe("INSUFFICIENT_FUNDS");
    expect(await rejectPayout(ctx, { payoutId: second.payoutId, reason: "Duplicate request" })).toMatchObject({ state: "REJECTED", reason: "Duplicate request" });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);
    const blocked = await walletWithOpenFunds(ctx, 200);
    const pending = await requestPayout(ctx, { contactId: blocked.contactId, currency: "EUR", amountMinor: 200 });
    await blockContactSpending(await contextAs("support"), { contactId: blocked.contactId, reason: "Fraud check" });
    expect((await refusal(requestPayout(ctx, { contactId: blocked.contactId, currency: "EUR", amountMinor: 100 }))).code).toBe("SPENDING_BLOCKED");
    expect((await refusal(approvePayout(ctx, { payoutId: pending.payoutId }))).code).toBe("SPENDING_BLOCKED");
    expect(adapter.calls).toHaveLength(1);
    await ledgerOk(ctx);
  });

  it("settles a payout left APPROVED once the grace period has passed, not before, asking the provider again with the same idempotency key", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet, payoutId, decidedAt } = await stuckPayout(ctx, 700, 500);
    // The dead process had reached the provider: the recovery's call must carry the same key.
    const order: PayoutOrder = { idempotencyKey: payoutId, contactId, currency: "EUR", amountMinor: 500 };
    await paymentAdapter().pay(order);

    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, -1000) })).toEqual({ paid: 0, failed: 0, skipped: 0, awaiting: 0 });
    expect((await stateOf(ctx, payoutId)).state).toBe("APPROVED");
    expect(adapter.calls).toHaveLength(1);

    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 1000) })).toEqual({ paid: 1, failed: 0, skipped: 0, awaiting: 0 });
    expect(adapter.calls).toEqual([order, order]);
    expect(await stateOf(ctx, payoutId)).toMatchObject({ state: "PAID", providerReference: `rec_${payoutId}`, reversalEntryId: null });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(200);
    expect((await trailOf(ctx, "payout", payoutId)).eventTypes).toEqual(["payout.requested", "payout.approved", "payout.paid"]);
    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 60_000) })).toEqual({ paid: 0, failed: 0, skipped: 0, awaiting: 0 });
    expect(adapter.calls).toHaveLength(2);
    await ledgerOk(ctx);
  });

  it("returns the funds of a stuck payout the provider refuses to open funds with a reversing entry, FAILED with the reason", async () => {
    const ctx = await contextAs("finance");
    const { wallet, payoutId, decidedAt } = await stuckPayout(ctx, 400, 400);
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);
    adapter.failNext("Account closed");
    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 1000) })).toEqual({ paid: 0, failed: 1, skipped: 0, awaiting: 0 });
    const row = await stateOf(ctx, payoutId);
    expect(row).toMatchObject({ state: "FAILED", reason: "Account closed", providerReference: null });
    const [reversal] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, row.reversalEntryId!));
    expect(reversal).toMatchObject({ kind: "PAYOUT_REVERSAL", reversesEntryId: row.payoutEntryId });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(400);
    expect((await trailOf(ctx, "payout", payoutId)).eventTypes).toEqual(["payout.requested", "payout.approved", "payout.failed"]);
    await ledgerOk(ctx);
  });

  it("keeps a payout the provider gave no answer for APPROVED, its funds in PAYOUTS, until a later recovery run gets an answer", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await walletWithOpenFunds(ctx, 600);
    const requested = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 600 });
    adapter.unreachableNext(2);
    // The provider may have paid: returning the funds now could pay the contact twice.
    const approved = await approvePayout(ctx, { payoutId: requested.payoutId });
    expect(approved).toMatchObject({ state: "APPROVED", reason: null, providerReference: null });
    expect((await stateOf(ctx, requested.payoutId)).reversalEntryId).toBeNull();
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);

    const decidedAt = (await stateOf(ctx, requested.payoutId)).decidedAt!;
    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 1000) })).toEqual({ paid: 0, failed: 0, skipped: 0, awaiting: 1 });
    expect((await stateOf(ctx, requested.payoutId)).state).toBe("APPROVED");
    expect(await settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 2000) })).toEqual({ paid: 1, failed: 0, skipped: 0, awaiting: 0 });
    expect(adapter.calls.map((c) => c.idempotencyKey)).toEqual([requested.payoutId, requested.payoutId, requested.payoutId]);
    expect((await stateOf(ctx, requested.payoutId)).state).toBe("PAID");
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);
    await ledgerOk(ctx);
  });

  it("lets one of two workers settle a stuck payout and the other skip it, the money moving once", async () => {
    const ctx = await contextAs("finance");
    const { wallet, payoutId, decidedAt } = await stuckPayout(ctx, 300, 300);
    // Both workers have read the payout and asked the provider before either settles it.
    let bothAsked!: () => void;
    const gate = new Promise<void>((resolve) => (bothAsked = resolve));
    const gated = new (class extends RecordingPaymentAdapter {
      override async pay(order: PayoutOrder) {
        const outcome = await super.pay(order);
        if (this.calls.length === 2) bothAsked();
        await gate;
        return outcome;
      }
    })();
    configurePaymentAdapter(gated);
    const runs = await Promise.all([1, 2].map(() => settleStuckPayouts(recoveryJob(ctx), { now: afterGrace(decidedAt, 1000) })));
    expect(runs.map((r) => r.paid).sort()).toEqual([0, 1]);
    expect(runs.map((r) => r.skipped).sort()).toEqual([0, 1]);
    expect(gated.calls.map((c) => c.idempotencyKey)).toEqual([payoutId, payoutId]);
    expect((await stateOf(ctx, payoutId)).state).toBe("PAID");
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);
    expect((await trailOf(ctx, "payout", payoutId)).eventTypes).toEqual(["payout.requested", "payout.approved", "payout.paid"]);
    await ledgerOk(ctx);
  });

  it("pages the payout queue by state, newest first, with the contact's name and the total", async () => {
    const ctx = await contextAs("finance");
    const { contactId } = await walletWithOpenFunds(ctx, 900);
    const older = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 300 });
    const newer = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 200 });
    await rejectPayout(ctx, { payoutId: older.payoutId, reason: "Duplicate" });
    const requested = await payoutQueue(ctx, { state: "REQUESTED", page: 0, pageSize: 100 });
    const ids = requested.rows.map((row) => row.payoutId);
    expect(ids).toContain(newer.payoutId);
    expect(ids).not.toContain(older.payoutId);
    expect(requested.rows.find((row) => row.payoutId === newer.payoutId)?.contactName).toMatch(/^wallet-.*@example\.test$/);
    const firstPage = await payoutQueue(ctx, { page: 0, pageSize: 1 });
    expect(firstPage.rows).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
    const all = (await payoutQueue(ctx, { page: 0, pageSize: 100 })).rows.map((row) => row.payoutId);
    expect(all.indexOf(newer.payoutId)).toBeLessThan(all.indexOf(older.payoutId));
  });
});
