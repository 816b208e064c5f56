import { describe, expect, it } from "vitest";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { cancelPassEndpoint, changePassExpiryEndpoint, checkRedemptionEndpoint, redeemPassEndpoint, resetPassPinEndpoint } from "./pass-actions";

testDatabase();

const redeem = (key: string, body: unknown, idempotencyKey?: string) =>
  callRoute(redeemPassEndpoint.handler, { method: "POST", path: "/passes/redeem", key, body, idempotencyKey });

describe("redemption REST API", () => {
  it("redeems with passes:redeem, answers what it unlocked, and replays an Idempotency-Key without a second use", async () => {
    const ctx = await contextAs("admin");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 5 }));
    const key = await apiKeyWith("passes:redeem");
    const check = await callRoute(checkRedemptionEndpoint.handler, { method: "POST", path: "/passes/redeem/check", key, body: { code } });
    expect(check).toMatchObject({ status: 200, body: { pass: { passId: pass.id, state: "ACTIVE" }, unlocks: { kind: "VALUE", amountMinor: 2500 } } });
    const idempotencyKey = unique("idem");
    const first = await redeem(key, { code, amountMinor: 500, terminalId: "POS-1" }, idempotencyKey);
    expect(first).toMatchObject({ status: 200, body: { pass: { usesCount: 1, remainingValueMinor: 2000 }, unlocked: { kind: "VALUE", amountMinor: 500, currency: "EUR" }, credit: { creditedMinor: 500, balances: { availableMinor: 500 } } } });
    expect(JSON.stringify(first.body)).not.toContain(code);
    expect(await redeem(key, { code, amountMinor: 500, terminalId: "POS-1" }, idempotencyKey)).toEqual(first);
    expect((await redeem(key, { code, amountMinor: 100 })).body).toMatchObject({ pass: { usesCount: 2, remainingValueMinor: 1900 } });
    expect((await redeem(await apiKeyWith("passes:read"), { code })).status).toBe(403);
  });

  it("answers 422 alike for wrong codes, then 429 — also through Idempotency-Keys, whose rollback must not undo the count", async () => {
    const ctx = await contextAs("admin");
    const { code } = await testPass(ctx, await testPlan(ctx));
    const key = await apiKeyWith("passes:redeem");
    const wrong = await redeem(key, { code: "WRONGCODE234" });
    expect(wrong).toEqual({ status: 422, body: { error: { code: "INVALID_CREDENTIALS", message: "The code, PIN or one-time code is not valid.", details: null } } });
    for (let i = 0; i < 19; i++) expect((await redeem(key, { code: `WRONG${i}CODE` }, unique("idem"))).status).toBe(422);
    expect(await redeem(key, { code }, unique("idem"))).toMatchObject({ status: 429, body: { error: { code: "TOO_MANY_ATTEMPTS" } } });
  });
});

describe("single-pass actions over REST", () => {
  it("changes expiry, resets the PIN (answered once) and cancels with passes:manage", async () => {
    const ctx = await contextAs("admin");
    const { pass } = await testPass(ctx, await testPlan(ctx));
    const key = await apiKeyWith("passes:manage");
    const params = { id: pass.id };
    const expiresAt = new Date(Date.now() + 86_400_000 * 10).toISOString();
    expect(await callRoute(changePassExpiryEndpoint.handler, { method: "POST", path: `/passes/${pass.id}/expiry`, key, params, body: { expiresAt } })).toMatchObject({ status: 200, body: { expiresAt } });
    const reset = await callRoute(resetPassPinEndpoint.handler, { method: "POST", path: `/passes/${pass.id}/pin/reset`, key, params, body: { length: 6 } });
    expect(reset).toMatchObject({ status: 200, body: { pin: expect.stringMatching(/^\d{6}$/), pass: { hasPin: true } } });
    expect(await callRoute(cancelPassEndpoint.handler, { method: "POST", path: `/passes/${pass.id}/cancel`, key, params, body: {} })).toMatchObject({ status: 200, body: { state: "CANCELLED" } });
    expect(await callRoute(cancelPassEndpoint.handler, { method: "POST", path: `/passes/${pass.id}/cancel`, key, params, body: {} })).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
  });
});
