import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createContact } from "@/server/domain/contacts/create";
import { uniqueEmail } from "@/server/domain/contacts/test-fixtures";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

async function contactWithCredit() {
  const ctx = await contextAs("support");
  const contact = await createContact(ctx, { email: uniqueEmail() });
  const plan = await testPlan(ctx, { fixedValueMinor: 1750 });
  const { code } = await testPass(ctx, plan);
  const { credit } = await redeemPass(ctx, { code, contactId: contact.id });
  return { contactId: contact.id, walletId: credit!.walletId };
}

describe("wallet reads on tRPC", () => {
  it("answers admin, finance and support: balances, credit lots and the statement", async () => {
    const { contactId, walletId } = await contactWithCredit();
    for (const role of ["admin", "finance", "support"] as const) {
      const { caller } = await callerAs(role);
      expect(await caller.walletRead.byContact({ contactId })).toMatchObject([{ walletId, currency: "EUR", availableMinor: 1750 }]);
      expect(await caller.walletRead.creditLots({ walletId })).toMatchObject({ total: 1, rows: [{ remainingMinor: 1750 }] });
      expect(await caller.walletRead.statement({ walletId })).toMatchObject({ total: 1, rows: [{ kind: "PASS_REDEMPTION", amountMinor: 1750, availableAfterMinor: 1750 }] });
    }
  });

  it("refuses marketing, and logs each refusal", async () => {
    const { contactId, walletId } = await contactWithCredit();
    const { ctx, caller } = await callerAs("marketing");
    await expect(caller.walletRead.byContact({ contactId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.walletRead.creditLots({ walletId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.walletRead.statement({ walletId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusals = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden"), sql`${auditLog.after}->>'procedure' like 'walletRead.%'`));
    expect(refusals).toHaveLength(3);
  });

  it("answers NOT_FOUND for an unknown wallet and BAD_REQUEST for a backwards date range", async () => {
    const { walletId } = await contactWithCredit();
    const { caller } = await callerAs("support");
    await expect(caller.walletRead.statement({ walletId: "01900000-0000-7000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.walletRead.statement({ walletId, from: new Date("2025-02-01"), to: new Date("2025-01-01") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
