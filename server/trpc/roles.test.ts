import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: { ip: "198.51.100.1" } }) };
}

describe("roles on tRPC procedures", () => {
  it("lets an admin manage users and API keys", async () => {
    const { caller } = await callerAs("admin");
    const user = await caller.users.create({ email: `${unique()}@x.test`, name: "N", role: "support", password: "long-enough-1" });
    expect(user.role).toBe("support");
    const changed = await caller.users.changeRole({ userId: user.id, role: "finance" });
    expect(changed.role).toBe("finance");
    const { secret, apiKey } = await caller.apiKeys.create({ name: unique("key"), scopes: ["contacts:read"] });
    expect(secret).toMatch(/^tk_/);
    expect(apiKey).not.toHaveProperty("keyHash");
  });

  it.each<Role>(["marketing", "finance", "support"])("refuses %s the admin procedures, and audits the refusal", async (role) => {
    const { ctx, caller } = await callerAs(role);
    await expect(caller.users.list({ page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.apiKeys.create({ name: "x", scopes: ["contacts:read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.audit.list({ page: 0, pageSize: 10 })).rejects.toBeInstanceOf(TRPCError);
    const refusals = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden")));
    expect(refusals.map((r) => (r.after as { procedure: string }).procedure).sort()).toEqual([
      "apiKeys.create",
      "audit.list",
      "users.list",
    ]);
    expect(refusals[0]?.ip).toBe("198.51.100.1");
  });

  it("lets every role read the dashboard", async () => {
    for (const role of ["admin", "marketing", "finance", "support"] as const) {
      const { caller } = await callerAs(role);
      await expect(caller.dashboard.home()).resolves.toHaveProperty("contacts");
    }
  });

  it("answers UNAUTHORIZED without a session", async () => {
    const { ctx } = await callerAs("admin");
    const anonymous = createCaller({ db: ctx.db, actor: null, origin: {} });
    await expect(anonymous.dashboard.home()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("domain errors through tRPC", () => {
  it("maps a domain refusal to its tRPC code and keeps the field for forms", async () => {
    const { caller } = await callerAs("admin");
    const email = `${unique()}@x.test`;
    await caller.users.create({ email, name: "A", role: "support", password: "long-enough-1" });
    const error = await caller.users
      .create({ email, name: "B", role: "support", password: "long-enough-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toBe("A user with this email already exists.");
  });

  it("refuses an admin changing their own role", async () => {
    const { ctx, caller } = await callerAs("admin");
    await expect(caller.users.changeRole({ userId: ctx.actor.id!, role: "support" })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
  });
});
