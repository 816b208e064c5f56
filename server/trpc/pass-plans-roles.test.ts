import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { uniqueCurrency } from "@/server/domain/network/test-fixtures";
import { printedGiftInput } from "@/server/domain/pass-plans/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("pass plans on tRPC", () => {
  it("lets marketing create, activate, copy and list plans", async () => {
    const { ctx, caller } = await callerAs("marketing");
    const currency = (await uniqueCurrency(await contextAs("admin"))).code;
    const name = unique("gift");
    const plan = await caller.passPlans.create(printedGiftInput(currency, { name }));
    await caller.passPlans.activate({ id: plan.id });
    const copy = await caller.passPlans.copy({ id: plan.id });
    const list = await caller.passPlans.list({ search: name, page: 0, pageSize: 10, sortDir: "asc" });
    expect(list.rows.map((r) => [r.name, r.state])).toEqual(
      expect.arrayContaining([
        [name, "ACTIVE"],
        [`Copy of ${name}`, "DRAFT"],
      ]),
    );
    expect(await caller.passPlans.byId({ id: copy.id })).toMatchObject({ locked: false, state: "DRAFT" });
    expect((await caller.passPlans.formOptions()).currencies.map((c) => c.code)).toContain(currency);
    await caller.passPlans.deactivate({ id: plan.id });
    expect(ctx.actor.role).toBe("marketing");
  });

  it("passes a refused combination to forms as a field error", async () => {
    const { caller } = await callerAs("admin");
    const currency = (await uniqueCurrency(await contextAs("admin"))).code;
    const input = printedGiftInput(currency, { valueMode: "VARIABLE", fixedValueMinor: null, minValueMinor: 5000, maxValueMinor: 1000 });
    const error = await caller.passPlans.create(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "The minimum is more than the maximum." });
    expect((error as { cause: { details: unknown } }).cause.details).toEqual({ fieldErrors: { minValueMinor: ["The minimum is more than the maximum."] } });
  });

  it.each(["finance", "support"] as const)("lets %s read plans but not manage them, auditing the refusal", async (role) => {
    const { ctx, caller } = await callerAs(role);
    await expect(caller.passPlans.list({ page: 0, pageSize: 5, sortDir: "asc" })).resolves.toHaveProperty("total");
    const id = "01900000-0000-7000-8000-000000000000";
    await expect(caller.passPlans.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const calls = [() => caller.passPlans.activate({ id }), () => caller.passPlans.copy({ id }), () => caller.passPlans.deactivate({ id }), () => caller.passPlans.formOptions()];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.passPlans.create(printedGiftInput("EUR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusals = await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden")));
    expect(refusals).toHaveLength(5);
  });
});
