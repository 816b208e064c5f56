import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("wallet settings on tRPC", () => {
  afterAll(async () => {
    const { caller } = await callerAs("admin");
    await caller.walletSettings.update({ openWalletInPlanCurrency: false });
  });

  it("lets an admin read and change the setting, audited; other roles are refused", async () => {
    const { ctx, caller } = await callerAs("admin");
    expect(await caller.walletSettings.get()).toEqual({ openWalletInPlanCurrency: false });
    expect(await caller.walletSettings.update({ openWalletInPlanCurrency: true })).toEqual({ openWalletInPlanCurrency: true });
    expect(await caller.walletSettings.get()).toEqual({ openWalletInPlanCurrency: true });
    const audited = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "settings.wallets_updated"), eq(auditLog.actorId, ctx.actor.id)));
    expect(audited.map((a) => [a.before, a.after])).toEqual([[{ openWalletInPlanCurrency: false }, { openWalletInPlanCurrency: true }]]);
    for (const role of ["finance", "support", "marketing"] as const) {
      const { caller: other } = await callerAs(role);
      await expect(other.walletSettings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(other.walletSettings.update({ openWalletInPlanCurrency: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
