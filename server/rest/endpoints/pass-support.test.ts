import { describe, expect, it } from "vitest";
import { createContact } from "@/server/domain/contacts/create";
import { uniqueEmail } from "@/server/domain/contacts/test-fixtures";
import { electronicPlan } from "@/server/domain/passes/issue/test-helpers";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { replaceLostPassEndpoint, reverseRedemptionEndpoint } from "./pass-support";

testDatabase();

describe("pass support flows over REST", () => {
  it("replaces a lost gift pass with passes:manage, once per Idempotency-Key, and refuses other scopes", async () => {
    const ctx = await contextAs("admin");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass } = await testPass(ctx, await electronicPlan(ctx), { valueMinor: 3000, contactId: contact.id });
    const path = `/passes/${pass.id}/replace`;
    expect((await callRoute(replaceLostPassEndpoint.handler, { method: "POST", path, key: await apiKeyWith("passes:redeem"), params: { id: pass.id }, body: { reason: "lost" } })).status).toBe(403);
    const key = await apiKeyWith("passes:manage");
    const idempotencyKey = unique("idem");
    const call = () => callRoute(replaceLostPassEndpoint.handler, { method: "POST", path, key, params: { id: pass.id }, body: { reason: "lost" }, idempotencyKey });
    const first = await call();
    expect(first).toMatchObject({ status: 200, body: { cancelled: { passId: pass.id, state: "CANCELLED" }, replacement: { state: "ACTIVE", remainingValueMinor: 3000, contactId: contact.id } } });
    expect(await call()).toEqual(first);
    const again = await callRoute(replaceLostPassEndpoint.handler, { method: "POST", path, key, params: { id: pass.id }, body: { reason: "lost" } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
  });

  it("rolls back a redemption once: a second call answers 409, a replayed Idempotency-Key the first answer", async () => {
    const ctx = await contextAs("admin");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { code } = await testPass(ctx, await testPlan(ctx));
    const { redemptionId } = await redeemPass(ctx, { code, contactId: contact.id });
    const key = await apiKeyWith("passes:manage");
    const path = `/passes/redemptions/${redemptionId}/reverse`;
    const idempotencyKey = unique("idem");
    const call = (idem?: string) => callRoute(reverseRedemptionEndpoint.handler, { method: "POST", path, key, params: { id: redemptionId }, body: { reason: "wrong contact" }, idempotencyKey: idem });
    const first = await call(idempotencyKey);
    expect(first).toMatchObject({ status: 200, body: { redemptionId, reversedMinor: 2500, pass: { state: "ACTIVE", remainingValueMinor: 2500 }, balances: { availableMinor: 0 } } });
    expect(await call(idempotencyKey)).toEqual(first);
    expect(await call()).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE", message: "This redemption has already been rolled back." } } });
  });
});
