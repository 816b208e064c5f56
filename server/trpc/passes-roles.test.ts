import { describe, expect, it } from "vitest";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("passes on tRPC", () => {
  it("lets support read a pass, change its expiry, cancel it and see it in the timeline", async () => {
    const { ctx, caller } = await callerAs("support");
    const { pass } = await testPass(ctx, await testPlan(ctx));
    expect(await caller.passes.byId({ passId: pass.id })).toMatchObject({ passId: pass.id, codeMask: pass.codeMask });
    await caller.passes.changeExpiry({ passId: pass.id, expiresAt: new Date(Date.now() + 86_400_000) });
    await caller.passes.cancel({ passId: pass.id });
    expect((await caller.passes.timeline({ passId: pass.id })).map((e) => e.action)).toEqual(["pass.expiry_changed", "pass.cancelled"]);
  });

  it("lets support redeem on behalf of a contact, and refuses marketing and finance; finance may not cancel", async () => {
    const { ctx, caller } = await callerAs("support");
    const { code, pass } = await testPass(ctx, await testPlan(ctx));
    expect((await caller.passes.checkRedemption({ code })).unlocks).toMatchObject({ kind: "VALUE", amountMinor: 2500 });
    for (const role of ["marketing", "finance"] as const) {
      const { caller: other } = await callerAs(role);
      await expect(other.passes.redeem({ code })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await other.passes.byId({ passId: pass.id })).state).toBe("ACTIVE");
    }
    expect((await caller.passes.redeem({ code })).pass.state).toBe("REDEEMED");
  });

  it("lets marketing cancel a single pass (a damaged card of a lot), but not finance", async () => {
    const { ctx, caller: marketing } = await callerAs("marketing");
    const { pass } = await testPass(ctx, await testPlan(ctx));
    const { caller: finance } = await callerAs("finance");
    await expect(finance.passes.cancel({ passId: pass.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await marketing.passes.cancel({ passId: pass.id })).state).toBe("CANCELLED");
  });

  it("answers TOO_MANY_REQUESTS once a code is locked out", async () => {
    const { caller } = await callerAs("support");
    for (let i = 0; i < 5; i++) await expect(caller.passes.checkRedemption({ code: "LOCKED22CODE" })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(caller.passes.checkRedemption({ code: "LOCKED22CODE" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
