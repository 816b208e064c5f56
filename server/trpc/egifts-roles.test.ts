import { describe, expect, it } from "vitest";
import { electronicPlan } from "@/server/domain/passes/issue/test-helpers";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("eGifts and messages on tRPC", () => {
  it("lets support issue and re-send an eGift and read the message log", async () => {
    const { ctx, caller } = await callerAs("support");
    const plan = await electronicPlan(ctx);
    const to = `${unique()}@example.com`;
    const issued = await caller.egifts.issue({ planId: plan.id, recipient: { email: to }, valueMinor: 2_000 });
    await caller.egifts.resend({ passId: issued.passId });
    const log = await caller.messages.list({ passId: issued.passId, page: 0, pageSize: 10 });
    expect(log.rows.map((r) => r.purpose).sort()).toEqual(["PASS_DELIVERY", "PASS_RESEND"]);
    expect(log.rows[0]).toMatchObject({ recipient: to, passCodeMask: issued.codeMask });
    await expect(caller.messages.outbox({ page: 0, pageSize: 10 })).resolves.toMatchObject({ capturing: { EMAIL: true, SMS: true } });
  });

  it("refuses issuing to marketing and finance, and the message log to finance", async () => {
    const plan = await electronicPlan(await contextAs("admin"));
    for (const role of ["marketing", "finance"] as const) {
      const { caller } = await callerAs(role);
      await expect(caller.egifts.issue({ planId: plan.id, recipient: { email: `${unique()}@example.com` }, valueMinor: 2_000 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs("marketing")).caller.messages.list({ page: 0, pageSize: 10 })).resolves.toBeDefined();
    await expect((await callerAs("finance")).caller.messages.outbox({ page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
