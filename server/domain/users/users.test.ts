import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createUser, setUserDisabled } from "./service";
import { signIn } from "./sign-in";

testDatabase();

describe("users and sign-in", () => {
  it("stores only a scrypt hash of the password and audits the creation without it", async () => {
    const ctx = await contextAs("admin");
    const user = await createUser(ctx, { email: `${unique()}@X.test`.toLowerCase(), name: "U", role: "finance", password: "correct-horse-1" });
    const [row] = await ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain("correct-horse-1");
    const entries = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(JSON.stringify(entries)).not.toContain("correct-horse-1");
  });

  it("signs in with the right password only, and not when disabled", async () => {
    const ctx = await contextAs("admin");
    const email = `${unique()}@x.test`;
    const user = await createUser(ctx, { email, name: "U", role: "support", password: "correct-horse-1" });
    const origin = { ip: unique("ip") };
    await expect(signIn({ ...ctx, origin }, { email, password: "wrong-password" })).resolves.toBeNull();
    await expect(signIn({ ...ctx, origin }, { email, password: "correct-horse-1" })).resolves.toMatchObject({ id: user.id, role: "support" });
    await setUserDisabled(ctx, { userId: user.id, disabled: true });
    await expect(signIn({ ...ctx, origin }, { email, password: "correct-horse-1" })).resolves.toBeNull();
  });

  it("locks an email out after five failures, even with the right password", async () => {
    const ctx = await contextAs("admin");
    const email = `${unique()}@x.test`;
    await createUser(ctx, { email, name: "U", role: "support", password: "correct-horse-1" });
    const origin = { ip: unique("ip") };
    for (let i = 0; i < 5; i++) {
      await expect(signIn({ ...ctx, origin }, { email, password: `wrong-${i}` })).resolves.toBeNull();
    }
    await expect(signIn({ ...ctx, origin }, { email, password: "correct-horse-1" })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
  });
});
