import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { uniqueEmail, uniquePhone } from "@/server/domain/contacts/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: { ip: "198.51.100.2" } }) };
}

describe("contacts on tRPC", () => {
  it("lets support create, find by phone, block and unblock spending", async () => {
    const { caller } = await callerAs("support");
    const phone = uniquePhone();
    const contact = await caller.contacts.create({ firstName: "Olivia", lastName: "Hart", email: uniqueEmail(), phone });
    const found = await caller.contacts.list({ search: phone, page: 0, pageSize: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([contact.id]);
    const blocked = await caller.contacts.blockSpending({ contactId: contact.id, reason: "Card reported stolen" });
    expect(blocked).toMatchObject({ spendingBlocked: true, spendingBlockedReason: "Card reported stolen" });
    await expect(caller.contacts.unblockSpending({ contactId: contact.id, reason: "Card found" })).resolves.toMatchObject({
      spendingBlocked: false,
    });
  });

  it("lets marketing read contacts but not block spending or change them, and audits the refusals", async () => {
    const { caller: support } = await callerAs("support");
    const contact = await support.contacts.create({ email: uniqueEmail() });
    const { ctx, caller } = await callerAs("marketing");
    await expect(caller.contacts.byId({ contactId: contact.id })).resolves.toMatchObject({ id: contact.id });
    await expect(caller.contacts.blockSpending({ contactId: contact.id, reason: "No" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.contacts.create({ email: uniqueEmail() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refusals = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden")));
    expect(refusals).toHaveLength(2);
    expect(refusals.map((r) => r.after)).toEqual(
      expect.arrayContaining([
        { procedure: "contacts.blockSpending", capability: "contacts.blockSpending", role: "marketing" },
        { procedure: "contacts.create", capability: "contacts.manage", role: "marketing" },
      ]),
    );
    expect((await support.contacts.byId({ contactId: contact.id })).spendingBlocked).toBe(false);
  });

  it("lets finance read but not block", async () => {
    const { caller } = await callerAs("finance");
    await expect(caller.contacts.list({ page: 0, pageSize: 5 })).resolves.toHaveProperty("total");
    await expect(
      caller.contacts.blockSpending({ contactId: "01900000-0000-7000-8000-000000000000", reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("passes a refused identity to forms as a field error", async () => {
    const { caller } = await callerAs("admin");
    const email = uniqueEmail();
    await caller.contacts.create({ email });
    const error = await caller.contacts.create({ email }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "This email address already belongs to another contact." });
  });
});
