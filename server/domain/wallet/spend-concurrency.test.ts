import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import { DomainError } from "../errors";
import { verifyLedger } from "../ledger/verify";
import { walletBalances } from "./balances";
import { contactWithWallet, fund } from "./operations-test-fixtures";
import { redeemFunds } from "./redeem-funds";
import { refundSpend } from "./refund";
import { spend } from "./spend";

const database = testDatabase();

/**
 * Concurrency on the real PostgreSQL server (pool of 20 connections): parallel spends really run
 * in parallel transactions here.
 */
describe("spend under concurrency", () => {
  it("50 parallel spends on one wallet never overdraw, and the final balance is exact", async () => {
    expect(database.mode).toBe("postgres");
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 600, { expiresAt: new Date(Date.now() + 86_400_000) });
    await fund(ctx, wallet, 400);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 250 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        spend(ctx, { contactId, currency: "EUR", amountMinor: 70, onlyIfEnoughFunds: true, reference: `par-${i}-${unique()}` }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof DomainError && r.reason.code === "INSUFFICIENT_FUNDS")).toBe(true);
    expect(ok).toHaveLength(Math.floor(1000 / 70));
    const balances = await walletBalances(ctx, wallet.id);
    expect(balances.availableMinor).toBe(1000 - 70 * ok.length);
    expect(balances.availableMinor).toBeGreaterThanOrEqual(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("spends and refunds on two wallets interleaved in opposite orders finish without deadlock, with exact balances", { timeout: 90_000 }, async () => {
    // A spend, redeem or refund only ever locks accounts of ONE wallet (its open account and
    // eligible pockets, in id order), so no cross-wallet lock order exists to invert. Here
    // 40 workers spend A-then-B or B-then-A and refund as they go, all at once.
    const ctx = await contextAs("finance");
    const a = await contactWithWallet(ctx);
    const b = await contactWithWallet(ctx);
    await fund(ctx, a.wallet, 5000);
    await fund(ctx, b.wallet, 5000);
    const pay = (w: typeof a) => spend(ctx, { contactId: w.contactId, currency: "EUR", amountMinor: 100, reference: unique("x") });
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        const s1 = await pay(first);
        const s2 = await pay(second);
        await Promise.all([refundSpend(ctx, { spendId: s1.spendId, amountMinor: 40, reason: "r" }), pay(first)]);
        await refundSpend(ctx, { spendId: s2.spendId, reason: "r" });
      }),
    );
    // A deadlock inside a spend's transaction would surface as PostgreSQL's 40P01 error above
    // (spends from open funds written together run in wallet order, and alone again if their
    // batch fails). Per wallet: 20 workers spend 100 twice and refund 40; 20 workers spend 100
    // and refund all of it.
    for (const w of [a, b]) expect((await walletBalances(ctx, w.wallet.id)).availableMinor).toBe(5000 - 20 * (200 - 40));
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });
});
