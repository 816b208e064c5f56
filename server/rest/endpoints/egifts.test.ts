import { describe, expect, it } from "vitest";
import { electronicPlan, passesOfPlan } from "@/server/domain/passes/issue/test-helpers";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { issuePassEndpoint, resendPassEndpoint } from "./egifts";

testDatabase();

describe("eGift REST API", () => {
  it("issues a pass with passes:issue, answers the mask without the code, and replays an Idempotency-Key", async () => {
    const admin = await contextAs("admin");
    const plan = await electronicPlan(admin);
    const key = await apiKeyWith("passes:issue");
    const body = { planId: plan.id, recipient: { email: `${unique()}@example.com` }, valueMinor: 5_000 };
    const idempotencyKey = unique("idem");
    const first = await callRoute(issuePassEndpoint.handler, { method: "POST", path: "/passes", key, body, idempotencyKey });
    expect(first).toMatchObject({ status: 201, body: { state: "ACTIVE", initialValueMinor: 5_000, codeMask: expect.any(String), messages: [{ channel: "EMAIL" }] } });
    expect(first.body).not.toHaveProperty("code");
    const replay = await callRoute(issuePassEndpoint.handler, { method: "POST", path: "/passes", key, body, idempotencyKey });
    expect(replay.body).toEqual(first.body);
    expect(await passesOfPlan(admin, plan.id)).toHaveLength(1);

    const outside = await callRoute(issuePassEndpoint.handler, { method: "POST", path: "/passes", key, body: { ...body, valueMinor: 1 } });
    expect(outside).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", details: { fieldErrors: { valueMinor: [expect.any(String)] } } } } });
    const readOnly = await apiKeyWith("passes:read");
    expect((await callRoute(issuePassEndpoint.handler, { method: "POST", path: "/passes", key: readOnly, body })).status).toBe(403);
  });

  it("re-sends with passes:manage and answers 429 past 3 re-sends an hour", async () => {
    const plan = await electronicPlan(await contextAs("admin"));
    const issued = await callRoute(issuePassEndpoint.handler, {
      method: "POST",
      path: "/passes",
      key: await apiKeyWith("passes:issue"),
      body: { planId: plan.id, recipient: { phone: "+447700900125" }, valueMinor: 1_000 },
    });
    const passId = issued.body.passId as string;
    const key = await apiKeyWith("passes:manage");
    const resend = (body: unknown = {}) => callRoute(resendPassEndpoint.handler, { method: "POST", path: `/passes/${passId}/resend`, key, body, params: { id: passId } });
    expect(await resend({ recipient: { phone: "+447700900126" } })).toMatchObject({ status: 200, body: { recipientPhone: "+447700900126", messages: [{ channel: "SMS", to: "+447700900126" }] } });
    await resend();
    await resend();
    expect(await resend()).toMatchObject({ status: 429, body: { error: { code: "LIMIT_EXCEEDED" } } });
  });
});
