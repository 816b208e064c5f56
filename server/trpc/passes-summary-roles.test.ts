import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("Passes Summary on tRPC", () => {
  it("answers finance and admins: rows, totals and filter options", async () => {
    const { ctx } = await callerAs("marketing");
    const plan = await testPlan(ctx);
    const { pass } = await testPass(ctx, plan);
    for (const role of ["finance", "admin"] as const) {
      const { caller } = await callerAs(role);
      expect((await caller.passesSummary.list({ planId: plan.id })).rows.map((r) => r.id)).toEqual([pass.id]);
      expect(await caller.passesSummary.totals({ planId: plan.id })).toMatchObject({ passes: 1, byCurrency: [{ currency: "EUR", passes: 1, initialValueMinor: 2500 }] });
      expect((await caller.passesSummary.options()).plans.map((p) => p.id)).toContain(plan.id);
    }
  });

  it("refuses every other role, and logs the refusal", async () => {
    for (const role of ["marketing", "support"] as const) {
      const { ctx, caller } = await callerAs(role);
      await expect(caller.passesSummary.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.passesSummary.totals({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.passesSummary.options()).rejects.toMatchObject({ code: "FORBIDDEN" });
      const refusals = await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden"), sql`${auditLog.after}->>'procedure' like 'passesSummary.%'`));
      expect(refusals).toHaveLength(3);
    }
  });

  it("rejects a malformed cursor and a backwards date range as bad requests", async () => {
    const { caller } = await callerAs("finance");
    await expect(caller.passesSummary.list({ after: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.passesSummary.totals({ from: new Date("2021-02-01"), to: new Date("2021-01-01") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
