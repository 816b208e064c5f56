import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { walletBalances } from "@/server/domain/wallet/balances";
import { emptyWallet } from "@/server/domain/wallet/wallet-test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("walletAdjustments on tRPC", () => {
  it("lets finance and admin adjust with a reason; support and marketing are FORBIDDEN and nothing moves", async () => {
    const { ctx, caller } = await callerAs("finance");
    const wallet = await emptyWallet(ctx);
    const input = { contactId: wallet.contactId, currency: "EUR", amountMinor: 700, reason: "Refund of a failed top-up" };
    expect(await caller.walletAdjustments.adjust(input)).toMatchObject({ amountMinor: 700, balances: { availableMinor: 700 } });
    const { caller: admin } = await callerAs("admin");
    expect((await admin.walletAdjustments.adjust({ ...input, amountMinor: -200 })).balances.availableMinor).toBe(500);
    await expect(caller.walletAdjustments.adjust({ ...input, reason: "no" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.walletAdjustments.adjust({ ...input, amountMinor: -501 })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    for (const role of ["support", "marketing"] as const) {
      const { ctx: other, caller: refused } = await callerAs(role);
      await expect(refused.walletAdjustments.adjust(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const denied = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "access.forbidden"), eq(auditLog.actorId, other.actor.id)));
      expect(denied).toHaveLength(1);
    }
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(500);
  });

  it("adjusts the open funds when finance picks them, and refuses a pool for them as a field error", async () => {
    const { ctx, caller } = await callerAs("finance");
    const wallet = await emptyWallet(ctx);
    const input = { contactId: wallet.contactId, currency: "EUR", amountMinor: 300, funds: "OPEN" as const, reason: "Cash refund owed" };
    expect(await caller.walletAdjustments.adjust(input)).toMatchObject({ funds: "OPEN", creditLotId: null, balances: { openMinor: 300, availableMinor: 300 } });
    const refused = await caller.walletAdjustments.adjust({ ...input, commercePoolId: wallet.id }).catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: "BAD_REQUEST", cause: { issues: [{ path: ["commercePoolId"], message: expect.stringMatching(/no commerce pool/) }] } });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(300);
  });
});
