import { describe, expect, it } from "vitest";
import { createContact } from "@/server/domain/contacts/create";
import { uniqueEmail } from "@/server/domain/contacts/test-fixtures";
import { electronicPlan } from "@/server/domain/passes/issue/test-helpers";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("pass support flows on tRPC", () => {
  it("lets support replace a lost gift pass; marketing and finance are refused", async () => {
    const { ctx, caller } = await callerAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass } = await testPass(ctx, await electronicPlan(ctx), { valueMinor: 2000, contactId: contact.id });
    for (const role of ["marketing", "finance"] as const) {
      const { caller: other } = await callerAs(role);
      await expect(other.passSupport.replaceLost({ passId: pass.id, reason: "lost" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const result = await caller.passSupport.replaceLost({ passId: pass.id, reason: "lost" });
    expect(result.replacement).toMatchObject({ state: "ACTIVE", remainingValueMinor: 2000 });
    expect((await caller.passes.byId({ passId: pass.id })).state).toBe("CANCELLED");
  });

  it("lets admin roll back a redemption, refuses finance, and answers CONFLICT the second time", async () => {
    const { ctx, caller } = await callerAs("admin");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { code } = await testPass(ctx, await testPlan(ctx));
    const { redemptionId } = await caller.passes.redeem({ code, contactId: contact.id });
    const { caller: finance } = await callerAs("finance");
    await expect(finance.passSupport.reverseRedemption({ redemptionId, reason: "oops" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await caller.passSupport.reverseRedemption({ redemptionId, reason: "oops" })).pass.state).toBe("ACTIVE");
    await expect(caller.passSupport.reverseRedemption({ redemptionId, reason: "oops" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
