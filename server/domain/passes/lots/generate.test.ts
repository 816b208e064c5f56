import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { auditLog, domainEvents, passes } from "@/db/schema";
import { queues } from "@/server/jobs/queues";
import { prepareJobStorage } from "@/server/jobs/storage";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { contextAs, testDatabase } from "@/test/db";
import { decryptCode, hashCode } from "../codes/secrecy";
import { inlineSealer, openCodeSealer, type CodeSealer } from "./crypto-pool";
import { generateLot } from "./generate";
import { sealNewCodes } from "./sealed-codes";
import { activePrintedPlan, lotRow, planRow } from "./test-fixtures";

const { db } = testDatabase();
const worker: DomainContext = { db, actor: systemActor("lot generation") };

async function lotPasses(lotId: string) {
  return db.select().from(passes).where(eq(passes.lotId, lotId)).orderBy(asc(passes.lotSeq));
}

describe("lot generation", () => {
  let threads: CodeSealer;
  beforeAll(async () => {
    threads = await openCodeSealer(2);
  });
  afterAll(() => threads.close());

  it("seals codes on worker threads", () => {
    expect(threads.threads).toBe(2);
  });

  it("is requested as one job per lot in the activating transaction", async () => {
    const ctx = await contextAs("marketing");
    const { lot } = await activePrintedPlan(ctx, { quantity: 10 });
    const jobs = rowsOf<{ singleton_key: string; data: { lotId: string } }>(
      await db.execute(sql`select singleton_key, data from pgboss.job where name = ${queues.generateLot} and singleton_key = ${lot.id}`),
    );
    expect(jobs).toEqual([{ singleton_key: lot.id, data: { lotId: lot.id } }]);
  });

  it("writes every pass in batches: draft, hashed, encrypted, masked, positions 0..n-1", async () => {
    const ctx = await contextAs("marketing");
    const { plan, lot } = await activePrintedPlan(ctx, { quantity: 2_345 });
    expect(await generateLot(worker, { lotId: lot.id, batchSize: 1_000, sealer: threads })).toBe("completed");

    const rows = await lotPasses(lot.id);
    expect(rows.map((r) => r.lotSeq)).toEqual(Array.from({ length: 2_345 }, (_, i) => i));
    expect(new Set(rows.map((r) => r.codeHash)).size).toBe(2_345);
    const [first] = rows;
    const code = decryptCode(first!.codeCiphertext);
    expect(code).toMatch(/^\d{17}$/);
    expect(first).toMatchObject({
      state: "DRAFT",
      codeHash: hashCode(code),
      codeMask: `…${code.slice(-4)}`,
      initialValueMinor: 2_500,
      remainingValueMinor: 2_500,
      currency: "EUR",
      activatedAt: null,
    });
    expect(first!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);

    const done = await lotRow(ctx, lot.id);
    expect(done).toMatchObject({ generationState: "COMPLETED", generatedCount: 2_345, generationError: null });
    expect(done.generationCompletedAt).toBeInstanceOf(Date);
    expect((await planRow(ctx, plan.id)).issuedCount).toBe(2_345);

    const events = await db.select().from(domainEvents).where(and(eq(domainEvents.entityId, lot.id), eq(domainEvents.type, "lot.generation_completed")));
    expect(events).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, lot.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["lot.generation_started", "lot.generation_completed"]));
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it("resumes after a crash without duplicates or gaps, with the same issue date", async () => {
    const ctx = await contextAs("marketing");
    const { plan, lot } = await activePrintedPlan(ctx, { quantity: 2_500 });
    expect(await generateLot(worker, { lotId: lot.id, batchSize: 1_000, stopAfterBatches: 2, sealer: inlineSealer })).toBe("stopped");
    const crashed = await lotRow(ctx, lot.id);
    expect(crashed).toMatchObject({ generationState: "GENERATING", generatedCount: 2_000 });
    expect(await lotPasses(lot.id)).toHaveLength(2_000);
    expect((await planRow(ctx, plan.id)).issuedCount).toBe(2_000);

    expect(await generateLot(worker, { lotId: lot.id, batchSize: 1_000, sealer: threads })).toBe("completed");
    const rows = await lotPasses(lot.id);
    expect(rows.map((r) => r.lotSeq)).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
    expect(new Set(rows.map((r) => r.codeHash)).size).toBe(2_500);
    expect(new Set(rows.map((r) => r.issuedAt.getTime())).size).toBe(1);
    expect((await planRow(ctx, plan.id)).issuedCount).toBe(2_500);
    expect(await generateLot(worker, { lotId: lot.id, sealer: threads })).toBe("already-completed");
  });

  it("draws a new code for one that collides with an existing pass, instead of failing", async () => {
    const ctx = await contextAs("marketing");
    const { lot: earlier } = await activePrintedPlan(ctx, { quantity: 3 });
    await generateLot(worker, { lotId: earlier.id, sealer: inlineSealer });
    const taken = (await lotPasses(earlier.id))[1]!;
    const { lot } = await activePrintedPlan(ctx, { quantity: 5 });
    const colliding: CodeSealer = {
      ...inlineSealer,
      seal: async (format, count) => {
        const sealed = sealNewCodes(format, count);
        sealed.hashes[2] = taken.codeHash;
        sealed.hashes[3] = sealed.hashes[0]!;
        return sealed;
      },
    };
    expect(await generateLot(worker, { lotId: lot.id, sealer: colliding })).toBe("completed");
    const rows = await lotPasses(lot.id);
    expect(rows.map((r) => r.lotSeq)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set([...rows.map((r) => r.codeHash), taken.codeHash]).size).toBe(6);
  });

  it("marks the lot FAILED with the error, and a rerun resumes it", async () => {
    const ctx = await contextAs("marketing");
    const { lot } = await activePrintedPlan(ctx, { quantity: 30 });
    let calls = 0;
    const flaky: CodeSealer = {
      ...inlineSealer,
      seal: async (format, count) => {
        if (++calls === 2) throw new Error("sealer crashed");
        return sealNewCodes(format, count);
      },
    };
    await expect(generateLot(worker, { lotId: lot.id, batchSize: 10, sealer: flaky })).rejects.toThrow("sealer crashed");
    expect(await lotRow(ctx, lot.id)).toMatchObject({ generationState: "FAILED", generationError: "sealer crashed", generatedCount: 10 });
    expect(await generateLot(worker, { lotId: lot.id, batchSize: 10, sealer: inlineSealer })).toBe("completed");
    expect(await lotRow(ctx, lot.id)).toMatchObject({ generationState: "COMPLETED", generatedCount: 30, generationError: null });
    expect(await lotPasses(lot.id)).toHaveLength(30);
  });

  it("works on PGlite too, collisions included", async () => {
    const lite = createDatabase({ dataDir: "memory://" });
    try {
      await migrateDatabase(lite);
      await prepareJobStorage(lite);
      const ctx: DomainContext = { db: lite.db, actor: systemActor("test") };
      const { lot } = await activePrintedPlan(ctx, { quantity: 250 });
      let calls = 0;
      const colliding: CodeSealer = {
        ...inlineSealer,
        seal: async (format, count) => {
          const sealed = sealNewCodes(format, count);
          if (++calls === 2) sealed.hashes[1] = sealed.hashes[0]!;
          return sealed;
        },
      };
      expect(await generateLot(ctx, { lotId: lot.id, batchSize: 100, sealer: colliding })).toBe("completed");
      const rows = await ctx.db.select().from(passes).where(eq(passes.lotId, lot.id)).orderBy(asc(passes.id));
      expect(rows.map((r) => r.lotSeq)).toEqual(Array.from({ length: 250 }, (_, i) => i));
      expect(new Set(rows.map((r) => r.codeHash)).size).toBe(250);
      expect(await lotRow(ctx, lot.id)).toMatchObject({ generationState: "COMPLETED", generatedCount: 250 });
    } finally {
      await lite.close();
    }
  });
});
