import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { journalEntries, payoutRequests } from "@/db/schema";
import { configurePaymentAdapter } from "@/server/adapters/payments";
import { RecordingPaymentAdapter } from "@/server/adapters/payments/recording";
import { contextAs, testDatabase } from "@/test/db";
import { blockContactSpending } from "../../contacts/spending-block";
import { refusal } from "../../contacts/test-fixtures";
import type { DomainContext } from "../../context";
import { trailOf } from "../../network/test-fixtures";
import { verifyLedger } from "../../ledger/verify";
import { walletBalances } from "../balances";
import { contactWithWallet, fund } from "../operations-test-fixtures";
import { redeemFunds } from "../redeem-funds";
import { approvePayout, rejectPayout } from "./decide";
import { payoutQueue } from "./read";
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
