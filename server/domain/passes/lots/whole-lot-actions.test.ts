import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { auditLog, domainEvents, passes } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import { refusal } from "@/server/domain/contacts/test-fixtures";
import { queues } from "@/server/jobs/queues";
import { contextAs, testDatabase } from "@/test/db";
import { inlineSealer } from "./crypto-pool";
import { generateLot } from "./generate";
import { cancelPass } from "../actions/cancel";
import { getLot } from "./read";
import { activePrintedPlan, lotRow } from "./test-fixtures";
import { activateLot, cancelLot, runLotAction } from "./whole-lot-actions";

const { db } = testDatabase();
const worker = { db, actor: systemActor("whole-lot action") };

async function generatedPlan(quantity: number) {
  const ctx = await contextAs("marketing");
  const fixture = await activePrintedPlan(ctx, { quantity });
  await generateLot({ db, actor: systemActor("lot generation") }, { lotId: fixture.lot.id, sealer: inlineSealer });
  return { ctx, ...fixture };
}

const eventsOf = (lotId: string, type: string) =>
  db.select().from(domainEvents).where(and(eq(domainEvents.entityId, lotId), eq(domainEvents.type, type)));

describe("activate all", () => {
  it("is requested at once and queued; the worker activates every draft pass and records it once done", async () => {
    const { ctx, lot } = await generatedPlan(40);
    const requested = await activateLot(ctx, { lotId: lot.id });
    expect(requested).toMatchObject({ action: "ACTIVATE", actionState: "PENDING", actionTotal: 40, actionDone: 0, stateCounts: { DRAFT: 40, ACTIVE: 0 } });
    const jobs = rowsOf(await db.execute(sql`select id from pgboss.job where name = ${queues.runLotAction} and singleton_key = ${lot.id}`));
    expect(jobs).toHaveLength(1);
    expect(await eventsOf(lot.id, "lot.activated")).toHaveLength(0);

    expect(await runLotAction(worker, { lotId: lot.id, batchSize: 15 })).toBe("completed");
    const done = await getLot(ctx, { lotId: lot.id });
    expect(done).toMatchObject({ actionState: "COMPLETED", actionDone: 40, stateCounts: { DRAFT: 0, ACTIVE: 40 } });
    expect(done.actionCompletedAt).toBeInstanceOf(Date);
    const rows = await db.select().from(passes).where(eq(passes.lotId, lot.id));
    expect(rows.every((p) => p.state === "ACTIVE" && p.activatedAt instanceof Date)).toBe(true);
    const [event] = await eventsOf(lot.id, "lot.activated");
    expect(event?.payload).toMatchObject({ activated: 40 });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, lot.id), eq(auditLog.action, "lot.activation_requested")));
    expect(audit).toMatchObject({ actorType: "user", after: expect.objectContaining({ passes: 40 }) });

    expect(await refusal(activateLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE", message: "This lot has no passes in draft to activate." });
    expect(await runLotAction(worker, { lotId: lot.id })).toBe("nothing to do");
  });

  it("shows its progress batch by batch, and a run stopped half-way resumes without changing a pass twice", async () => {
    const { ctx, lot } = await generatedPlan(40);
    await activateLot(ctx, { lotId: lot.id });
    expect(await runLotAction(worker, { lotId: lot.id, batchSize: 15, stopAfterBatches: 2 })).toBe("stopped");
    expect(await getLot(ctx, { lotId: lot.id })).toMatchObject({ actionState: "RUNNING", actionDone: 30, stateCounts: { DRAFT: 10, ACTIVE: 30 } });
    const firstActivated = await db.select({ id: passes.id, at: passes.activatedAt }).from(passes).where(eq(passes.lotId, lot.id)).orderBy(asc(passes.id)).limit(1);

    expect(await runLotAction(worker, { lotId: lot.id, batchSize: 15 })).toBe("completed");
    expect(await getLot(ctx, { lotId: lot.id })).toMatchObject({ actionState: "COMPLETED", actionDone: 40, stateCounts: { DRAFT: 0, ACTIVE: 40 } });
    const [again] = await db.select({ at: passes.activatedAt }).from(passes).where(eq(passes.id, firstActivated[0]!.id));
    expect(again!.at).toEqual(firstActivated[0]!.at);
    expect(await eventsOf(lot.id, "lot.activated")).toHaveLength(1);
  });

  it("leaves alone a pass cancelled on its own page while the activation was under way", async () => {
    const { ctx, lot } = await generatedPlan(12);
    await activateLot(ctx, { lotId: lot.id });
    expect(await runLotAction(worker, { lotId: lot.id, batchSize: 5, stopAfterBatches: 1 })).toBe("stopped");
    const [draft] = await db.select().from(passes).where(and(eq(passes.lotId, lot.id), eq(passes.state, "DRAFT"))).limit(1);
    await cancelPass(await contextAs("support"), { passId: draft!.id, reason: "Card damaged in print" });

    expect(await runLotAction(worker, { lotId: lot.id, batchSize: 5 })).toBe("completed");
    expect(await getLot(ctx, { lotId: lot.id })).toMatchObject({ actionTotal: 12, actionDone: 11, stateCounts: { ACTIVE: 11, CANCELLED: 1, DRAFT: 0 } });
    const [event] = await eventsOf(lot.id, "lot.activated");
    expect(event?.payload).toMatchObject({ activated: 11 });
  });

  it("refuses a second request, and a cancellation, while the activation is under way", async () => {
    const { ctx, lot } = await generatedPlan(20);
    await activateLot(ctx, { lotId: lot.id });
    expect(await refusal(activateLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE", message: "Wait until the lot's activation has finished." });
    expect(await refusal(cancelLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE", message: "Wait until the lot's activation has finished." });
    expect((await lotRow(ctx, lot.id)).action).toBe("ACTIVATE");
  });

  it("marks a failed run FAILED with the reason; the job's retry resumes it", async () => {
    const { ctx, lot } = await generatedPlan(20);
    await activateLot(ctx, { lotId: lot.id });
    await expect(runLotAction(worker, { lotId: lot.id, batchSize: -1 })).rejects.toThrow();
    const failed = await getLot(ctx, { lotId: lot.id });
    expect(failed.actionState).toBe("FAILED");
    expect(failed.actionError).toMatch(/LIMIT/i);
    expect(await eventsOf(lot.id, "lot.activation_failed")).toHaveLength(1);

    expect(await runLotAction(worker, { lotId: lot.id })).toBe("completed");
    expect(await getLot(ctx, { lotId: lot.id })).toMatchObject({ actionState: "COMPLETED", actionError: null, stateCounts: { ACTIVE: 20 } });
  });
});

describe("cancel all", () => {
  it("cancels draft and active passes but not redeemed ones, then has nothing left to cancel", async () => {
    const { ctx, lot } = await generatedPlan(10);
    await activateLot(ctx, { lotId: lot.id });
    await runLotAction(worker, { lotId: lot.id });
    const [redeemed, draft] = await db.select().from(passes).where(eq(passes.lotId, lot.id)).limit(2);
    await db.update(passes).set({ state: "REDEEMED" }).where(eq(passes.id, redeemed!.id));
    await db.update(passes).set({ state: "DRAFT" }).where(eq(passes.id, draft!.id));

    expect(await cancelLot(ctx, { lotId: lot.id })).toMatchObject({ action: "CANCEL", actionState: "PENDING", actionTotal: 9 });
    await runLotAction(worker, { lotId: lot.id, batchSize: 4 });
    expect(await getLot(ctx, { lotId: lot.id })).toMatchObject({ actionDone: 9, stateCounts: { CANCELLED: 9, REDEEMED: 1, ACTIVE: 0, DRAFT: 0 } });
    const [event] = await eventsOf(lot.id, "lot.cancelled");
    expect(event?.payload).toMatchObject({ cancelled: 9 });

    expect(await refusal(cancelLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE", message: "This lot has no draft or active passes to cancel." });
    expect(await refusal(activateLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("whole-lot actions on a lot not ready", () => {
  it("are refused while the lot is still being generated, and for an unknown lot", async () => {
    const ctx = await contextAs("marketing");
    const { lot } = await activePrintedPlan(ctx, { quantity: 20 });
    await generateLot({ db, actor: systemActor("lot generation") }, { lotId: lot.id, batchSize: 10, stopAfterBatches: 1, sealer: inlineSealer });
    expect(await refusal(activateLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE", message: "Wait until the lot has been generated completely." });
    expect(await refusal(cancelLot(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE" });
    expect((await lotRow(ctx, lot.id)).action).toBeNull();
    expect(await refusal(activateLot(ctx, { lotId: "0190a000-0000-7000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
