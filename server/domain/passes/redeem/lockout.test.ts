import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, passes } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { refusal } from "../../contacts/test-fixtures";
import { hashPin } from "../codes/pin";
import { testPass, testPlan } from "../test-fixtures";
import { checkRedemption } from "./check";
import { redeemPass } from "./redeem";

testDatabase();

describe("failure counting and lock-out (D5)", () => {
  it("refuses the 6th attempt on a code after 5 failures with 429, even with the right PIN, and logs it", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    await ctx.db.update(passes).set({ pinHash: hashPin(pass.id, "9753") }).where(eq(passes.id, pass.id));
    for (let i = 0; i < 5; i++) {
      expect((await refusal(redeemPass(ctx, { code, pin: "0000" }))).code).toBe("INVALID_CREDENTIALS");
    }
    const locked = await refusal(redeemPass(ctx, { code, pin: "9753" }));
    expect([locked.code, locked.httpStatus]).toEqual(["TOO_MANY_ATTEMPTS", 429]);
    // Another caller is locked out of this code too: the count is per code.
    const other = await contextAs("support");
    expect((await refusal(checkRedemption(other, { code, pin: "9753" }))).code).toBe("TOO_MANY_ATTEMPTS");
    expect((await ctx.db.select().from(passes).where(eq(passes.id, pass.id)))[0]!.usesCount).toBe(0);
    const failures = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, pass.id), eq(auditLog.action, "pass.redemption_failed")));
    expect(failures).toHaveLength(5);
    expect(failures[0]!.after).toEqual({ reason: "WRONG_PIN", codeMask: pass.codeMask });
    const lockouts = await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "pass.redemption_locked_out")));
    expect(lockouts).toHaveLength(1);
  });

  it("counts wrong codes per code too, without naming any pass", async () => {
    const ctx = await contextAs("support");
    for (let i = 0; i < 5; i++) expect((await refusal(checkRedemption(ctx, { code: "UNKNOWN2CODE" }))).code).toBe("INVALID_CREDENTIALS");
    expect((await refusal(checkRedemption(await contextAs("support"), { code: "UNKNOWN2CODE" }))).code).toBe("TOO_MANY_ATTEMPTS");
    const logged = await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "pass.redemption_failed"), isNull(auditLog.entityId)));
    expect(logged).toHaveLength(5);
    expect(JSON.stringify(logged)).not.toContain("UNKNOWN2CODE");
  });

  it("locks a caller out after 20 failures within a minute, whatever the codes", async () => {
    const ctx = await contextAs("support");
    const { code } = await testPass(ctx, await testPlan(ctx));
    for (let i = 0; i < 20; i++) {
      expect((await refusal(checkRedemption(ctx, { code: `NOSUCH${i}CODE` }))).code).toBe("INVALID_CREDENTIALS");
    }
    expect((await refusal(redeemPass(ctx, { code }))).code).toBe("TOO_MANY_ATTEMPTS");
    // Other callers are not affected.
    expect((await redeemPass(await contextAs("support"), { code })).pass.state).toBe("REDEEMED");
  });
});
