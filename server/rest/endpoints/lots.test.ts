import { describe, expect, it } from "vitest";
import { systemActor } from "@/server/domain/actor";
import { inlineSealer } from "@/server/domain/passes/lots/crypto-pool";
import { generateLot } from "@/server/domain/passes/lots/generate";
import { activePrintedPlan } from "@/server/domain/passes/lots/test-fixtures";
import { runLotAction } from "@/server/domain/passes/lots/whole-lot-actions";
import { contextAs, testDatabase } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { activateLotEndpoint, cancelLotEndpoint, createLotEndpoint, getLotEndpoint, listLotPassesEndpoint, listLotsEndpoint } from "./lots";

const { db } = testDatabase();
const worker = { db, actor: systemActor("whole-lot action") };

async function generatedLot(quantity = 5) {
  const ctx = await contextAs("marketing");
  const fixture = await activePrintedPlan(ctx, { quantity, maxPasses: 10 });
  await generateLot({ db, actor: systemActor("lot generation") }, { lotId: fixture.lot.id, sealer: inlineSealer });
  return fixture;
}

describe("lots REST API", () => {
  it("lists, reads and pages a lot with passes:read", async () => {
    const { plan, lot } = await generatedLot();
    const key = await apiKeyWith("passes:read");
    const list = await callRoute(listLotsEndpoint.handler, { path: `/lots?planId=${plan.id}`, key });
    expect(list).toMatchObject({ status: 200, body: { rows: [{ id: lot.id, generationState: "COMPLETED", generatedCount: 5 }] } });
    const detail = await callRoute(getLotEndpoint.handler, { path: `/lots/${lot.id}`, key, params: { id: lot.id } });
    expect(detail.body).toMatchObject({ stateCounts: { DRAFT: 5 } });
    const page = await callRoute(listLotPassesEndpoint.handler, { path: `/lots/${lot.id}/passes?limit=3`, key, params: { id: lot.id } });
    expect(page.body).toMatchObject({ rows: [{ state: "DRAFT" }, {}, {}], nextCursor: expect.any(String) });
    const forbidden = await callRoute(activateLotEndpoint.handler, { method: "POST", path: `/lots/${lot.id}/activate`, key, params: { id: lot.id } });
    expect(forbidden.status).toBe(403);
  });

  it("generates another lot, starts the activation and cancellation (202) with passes:manage, and refuses with the envelope", async () => {
    const { plan, lot } = await generatedLot();
    const key = await apiKeyWith("passes:manage", "passes:read");
    const created = await callRoute(createLotEndpoint.handler, { method: "POST", path: "/lots", key, body: { planId: plan.id, quantity: 5 } });
    expect(created).toMatchObject({ status: 201, body: { number: 2, generationState: "PENDING" } });
    const tooMany = await callRoute(createLotEndpoint.handler, { method: "POST", path: "/lots", key, body: { planId: plan.id, quantity: 1 } });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", details: { fieldErrors: { quantity: [expect.any(String)] } } } } });
    const activated = await callRoute(activateLotEndpoint.handler, { method: "POST", path: `/lots/${lot.id}/activate`, key, params: { id: lot.id } });
    expect(activated).toMatchObject({ status: 202, body: { action: "ACTIVATE", actionState: "PENDING", actionTotal: 5, stateCounts: { DRAFT: 5 } } });
    const running = await callRoute(cancelLotEndpoint.handler, { method: "POST", path: `/lots/${lot.id}/cancel`, key, params: { id: lot.id } });
    expect(running).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE", message: "Wait until the lot's activation has finished." } } });
    await runLotAction(worker, { lotId: lot.id });
    const detail = await callRoute(getLotEndpoint.handler, { path: `/lots/${lot.id}`, key, params: { id: lot.id } });
    expect(detail.body).toMatchObject({ actionState: "COMPLETED", actionDone: 5, stateCounts: { ACTIVE: 5 } });
    const cancelled = await callRoute(cancelLotEndpoint.handler, { method: "POST", path: `/lots/${lot.id}/cancel`, key, params: { id: lot.id } });
    expect(cancelled).toMatchObject({ status: 202, body: { action: "CANCEL", actionState: "PENDING" } });
    await runLotAction(worker, { lotId: lot.id });
    const again = await callRoute(cancelLotEndpoint.handler, { method: "POST", path: `/lots/${lot.id}/cancel`, key, params: { id: lot.id } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
  });
});
