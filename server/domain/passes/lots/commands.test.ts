import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { domainEvents, passes, passPlans } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import { refusal } from "@/server/domain/contacts/test-fixtures";
import { queues } from "@/server/jobs/queues";
import { contextAs, testDatabase } from "@/test/db";
import { hashCode, decryptCode } from "../codes/secrecy";
import { createLot, retryLotGeneration } from "./commands";
import { inlineSealer } from "./crypto-pool";
import { generateLot } from "./generate";
import { getLot, listLotPasses, listLots } from "./read";
import { activePrintedPlan, lotRow } from "./test-fixtures";

const { db } = testDatabase();
const worker = { db, actor: systemActor("lot generation") };

async function generatedPlan(quantity: number, maxPasses?: number) {
  const ctx = await contextAs("marketing");
  const fixture = await activePrintedPlan(ctx, { quantity, maxPasses });
  await generateLot(worker, { lotId: fixture.lot.id, sealer: inlineSealer });
  return { ctx, ...fixture };
}

describe("generate another lot", () => {
  it("numbers the lot, leaves it PENDING and requests its generation", async () => {
    const { ctx, plan } = await generatedPlan(5, 20);
    const lot = await createLot(ctx, { planId: plan.id, quantity: 15 });
    expect(lot).toMatchObject({ number: 2, kind: "PRINTED", quantity: 15, generationState: "PENDING", generatedCount: 0 });
    const jobs = rowsOf(await db.execute(sql`select id from pgboss.job where name = ${queues.generateLot} and singleton_key = ${lot.id}`));
    expect(jobs).toHaveLength(1);
    const [event] = await db.select().from(domainEvents).where(and(eq(domainEvents.entityId, lot.id), eq(domainEvents.type, "lot.created")));
    expect(event?.payload).toMatchObject({ planId: plan.id, quantity: 15 });
    expect((await listLots(ctx, { planId: plan.id })).map((l) => l.number)).toEqual([1, 2]);
  });

  it("refuses more passes than the plan may still issue, naming the quantity", async () => {
    const { ctx, plan } = await generatedPlan(5, 20);
    const error = await refusal(createLot(ctx, { planId: plan.id, quantity: 16 }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", message: "This plan may issue only 15 more passes." });
    expect(error.details).toMatchObject({ fieldErrors: { quantity: [expect.any(String)] } });
  });

  it("refuses an inactive plan, an electronic plan and an unknown plan", async () => {
    const { ctx, plan } = await generatedPlan(5);
    await db.update(passPlans).set({ state: "INACTIVE" }).where(eq(passPlans.id, plan.id));
    expect(await refusal(createLot(ctx, { planId: plan.id, quantity: 1 }))).toMatchObject({ code: "INVALID_STATE" });
    await db.update(passPlans).set({ state: "ACTIVE", distribution: "ELECTRONIC" }).where(eq(passPlans.id, plan.id));
    expect(await refusal(createLot(ctx, { planId: plan.id, quantity: 1 }))).toMatchObject({ code: "BUSINESS_RULE" });
    expect(await refusal(createLot(ctx, { planId: "0190a000-0000-7000-8000-000000000000", quantity: 1 }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("retry a failed generation", () => {
  it("hands a FAILED lot back to the worker and refuses any other lot", async () => {
    const ctx = await contextAs("marketing");
    const { lot } = await activePrintedPlan(ctx, { quantity: 5 });
    expect(await refusal(retryLotGeneration(ctx, { lotId: lot.id }))).toMatchObject({ code: "INVALID_STATE" });
    const failing = { ...inlineSealer, seal: () => Promise.reject(new Error("disk full")) };
    await expect(generateLot(worker, { lotId: lot.id, sealer: failing })).rejects.toThrow("disk full");
    const retried = await retryLotGeneration(ctx, { lotId: lot.id });
    expect(retried).toMatchObject({ generationState: "PENDING", generationError: null });
    expect(await generateLot(worker, { lotId: lot.id, sealer: inlineSealer })).toBe("completed");
    expect((await lotRow(ctx, lot.id)).generatedCount).toBe(5);
  });
});

describe("the lot page", () => {
  it("pages by keyset, filters by state and finds a pass by its exact code or hash", async () => {
    const { ctx, lot } = await generatedPlan(25);
    const first = await listLotPasses(ctx, { lotId: lot.id, limit: 10 });
    expect(first.rows).toHaveLength(10);
    expect(first.rows[0]).toMatchObject({ state: "DRAFT", communication: ["PRINTED"], usesCount: 0, maxUses: 1 });
    expect(first.rows[0]!.codeMask).toMatch(/^…\d{4}$/);
    const second = await listLotPasses(ctx, { lotId: lot.id, limit: 10, after: first.nextCursor! });
    const third = await listLotPasses(ctx, { lotId: lot.id, limit: 10, after: second.nextCursor! });
    expect(third.rows).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).size).toBe(25);

    const [stored] = await db.select().from(passes).where(and(eq(passes.lotId, lot.id), eq(passes.lotSeq, 7)));
    const code = decryptCode(stored!.codeCiphertext);
    const byCode = await listLotPasses(ctx, { lotId: lot.id, code: `${code.slice(0, 4)} ${code.slice(4)}`, limit: 10 });
    expect(byCode.rows.map((r) => r.id)).toEqual([stored!.id]);
    const byHash = await listLotPasses(ctx, { lotId: lot.id, code: hashCode(code), limit: 10 });
    expect(byHash.rows.map((r) => r.id)).toEqual([stored!.id]);
    expect(JSON.stringify(byCode)).not.toContain(code);
    expect((await listLotPasses(ctx, { lotId: lot.id, state: "ACTIVE", limit: 10 })).rows).toHaveLength(0);

    const detail = await getLot(ctx, { lotId: lot.id });
    expect(detail).toMatchObject({ generationState: "COMPLETED", generatedCount: 25, stateCounts: { DRAFT: 25 } });
  });
});
