import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, passes } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { systemActor } from "../../actor";
import { testPass, testPlan } from "../test-fixtures";
import { expirePasses } from "./expire-passes";

testDatabase();

/** A clock of its own, years back, so passes of tests running in parallel stay out of this run. */
const now = new Date("2001-06-01T00:00:00Z");
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("expirePasses", () => {
  it("expires ACTIVE passes whose validity passed, in batches, with an event per pass and an audit entry per batch", async () => {
    const ctx = await contextAs("admin");
    const plan = await testPlan(ctx);
    const due = await Promise.all([1, 2, 3, 4, 5].map(() => testPass(ctx, plan, { expiresAt: inHours(-2) })));
    const { pass: future } = await testPass(ctx, plan, { expiresAt: inHours(2) });
    const { pass: never } = await testPass(ctx, plan, { expiresAt: null });
    const { pass: draft } = await testPass(ctx, plan, { state: "DRAFT", expiresAt: inHours(-2) });
    const job = { db: ctx.db, actor: systemActor("pass expiry job") };

    const expired = await expirePasses(job, { now, batchSize: 2 });
    expect(expired).toBe(5);
    const dueIds = due.map((d) => d.pass.id);
    const rows = await ctx.db.select().from(passes).where(inArray(passes.id, [...dueIds, future.id, never.id, draft.id]));
    const stateOf = new Map(rows.map((r) => [r.id, r]));
    for (const id of dueIds) {
      expect(stateOf.get(id)).toMatchObject({ state: "EXPIRED" });
      expect(stateOf.get(id)!.expiredAt).toBeInstanceOf(Date);
    }
    expect([future.id, never.id, draft.id].map((id) => stateOf.get(id)!.state)).toEqual(["ACTIVE", "ACTIVE", "DRAFT"]);

    const events = await ctx.db.select().from(domainEvents).where(and(eq(domainEvents.type, "pass.expired"), inArray(domainEvents.entityId, dueIds)));
    expect(events).toHaveLength(5);
    expect(events[0]!.payload).toMatchObject({ state: "EXPIRED", currency: "EUR", remainingValueMinor: 2500 });
    const codes = due.map((d) => d.code);
    expect(codes.some((code) => JSON.stringify(events).includes(code))).toBe(false);
    const batches = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "pass.expired_batch"), eq(auditLog.actorLabel, "pass expiry job")));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.flatMap((b) => (b.after as { passIds: string[] }).passIds)).toEqual(expect.arrayContaining(dueIds));

    expect(await expirePasses(job, { now })).toBe(0);
  });
});
