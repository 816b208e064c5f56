import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { idempotencyKeys, passes, passRedemptions, spends } from "@/db/schema";
import { verifyLedger } from "@/server/domain/ledger/verify";
import { activatePass } from "@/server/domain/passes/actions/activate";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import { walletBalances } from "@/server/domain/wallet/balances";
import { contactWithWallet, fund } from "@/server/domain/wallet/operations-test-fixtures";
import { fundOpen } from "@/server/domain/wallet/wallet-test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { redeemPassEndpoint } from "./endpoints/pass-actions";
import { spendEndpoint } from "./endpoints/wallets";
import { apiKeyWith, callRoute } from "./test-request";

testDatabase();

const redeem = (key: string, body: unknown, idempotencyKey: string) =>
  callRoute(redeemPassEndpoint.handler, { method: "POST", path: "/passes/redeem", key, body, idempotencyKey });
const spend = (key: string, body: unknown, idempotencyKey: string) =>
  callRoute(spendEndpoint.handler, { method: "POST", path: "/wallets/spend", key, body, idempotencyKey });

// The redemption and the spend record the key with their own write (recordsKeyWithWrite), so
// their calls can join a group commit: these are the guarantees of the transaction they no
// longer hold open.
describe("Idempotency-Keys recorded with the write", () => {
  it("30 parallel redemptions with one key take one use, and every call answers the first answer", async () => {
    const ctx = await contextAs("admin");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 50, fixedValueMinor: 10_000 }));
    const key = await apiKeyWith("passes:redeem");
    const idem = unique("idem");
    const answers = await Promise.all(Array.from({ length: 30 }, () => redeem(key, { code, amountMinor: 100 }, idem)));

    expect(answers[0]).toMatchObject({ status: 200, body: { pass: { usesCount: 1, remainingValueMinor: 9_900 } } });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id))).toHaveLength(1);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("20 parallel spends with one key spend once, on either path: pockets (a transaction) and open funds (one statement)", async () => {
    const ctx = await contextAs("admin");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1_000);
    const key = await apiKeyWith("wallets:spend");
    const fromPockets = { contactId, currency: "EUR", amountMinor: 400, reference: unique("order-") };
    const idem = unique("idem");
    const first = await Promise.all(Array.from({ length: 20 }, () => spend(key, fromPockets, idem)));
    expect(first[0]).toMatchObject({ status: 200, body: { spentMinor: 400, redeemedMinor: 400, replayed: false } });
    for (const answer of first) expect(answer).toEqual(first[0]);

    await fundOpen(ctx, wallet, 1_000);
    const fromOpenFunds = { contactId, currency: "EUR", amountMinor: 300, reference: unique("order-") };
    const idemOpen = unique("idem");
    const second = await Promise.all(Array.from({ length: 20 }, () => spend(key, fromOpenFunds, idemOpen)));
    expect(second[0]).toMatchObject({ status: 200, body: { spentMinor: 300, redeemedMinor: 0, replayed: false } });
    for (const answer of second) expect(answer).toEqual(second[0]);

    expect(await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id))).toHaveLength(2);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(2_000 - 400 - 300);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("a refusal is the key's first answer: replayed after the pass became redeemable, without a use", async () => {
    const ctx = await contextAs("admin");
    const { pass, code } = await testPass(ctx, await testPlan(ctx), { state: "DRAFT" });
    const key = await apiKeyWith("passes:redeem");
    const idem = unique("idem");
    const refused = await redeem(key, { code }, idem);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "PASS_NOT_ACTIVE" } } });

    await activatePass(ctx, { passId: pass.id });
    expect(await redeem(key, { code }, idem)).toEqual(refused);
    expect((await redeem(key, { code, terminalId: "POS-2" }, idem)).body).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ state: "ACTIVE", usesCount: 0 });
    expect((await redeem(key, { code }, unique("idem"))).status).toBe(200);
  });

  it("a write whose answer was never stored (the process stopped) is never made again: replays answer IN_PROGRESS", async () => {
    const ctx = await contextAs("admin");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 5 }));
    const key = await apiKeyWith("passes:redeem");
    const idem = unique("idem");
    expect((await redeem(key, { code, amountMinor: 100 }, idem)).status).toBe(200);
    // What a stop between the write's commit and the answer's leaves: the claim without its answer.
    await ctx.db
      .update(idempotencyKeys)
      .set({ statusCode: 0, responseBody: {} })
      .where(eq(idempotencyKeys.key, idem));

    const replay = await redeem(key, { code, amountMinor: 100 }, idem);
    expect(replay).toMatchObject({ status: 409, body: { error: { code: "IDEMPOTENCY_KEY_IN_PROGRESS" } } });
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ usesCount: 1 });
  }, 15_000);
});
