import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { verifyPassword } from "@/server/auth/password";
import { recordAudit } from "../audit/record";
import type { DomainContext } from "../context";
import { assertNotLockedOut, recordFailure, type FailureLimit } from "../rate-limit";
import { signInSchema } from "./schemas";
import type { Role } from "./roles";

export const signInLimit: FailureLimit = { name: "sign-in", points: 5, windowSeconds: 15 * 60 };
const perIpLimit: FailureLimit = { name: "sign-in-ip", points: 50, windowSeconds: 15 * 60 };

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Checks an email and password. Five failures for one email (or fifty from one address) within
 * 15 minutes lock sign-in out with TOO_MANY_ATTEMPTS; the answer never says which part was wrong.
 */
export async function signIn(ctx: DomainContext, credentials: unknown): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = ctx.origin?.ip ?? "unknown";
  await assertNotLockedOut(ctx.db, [
    { limit: signInLimit, key: email },
    { limit: perIpLimit, key: ip },
  ]);

  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const valid = user && !user.disabledAt && (await verifyPassword(password, user.passwordHash));
  if (!user || !valid) {
    await recordFailure(ctx.db, signInLimit, [email]);
    await recordFailure(ctx.db, perIpLimit, [ip]);
    await recordAudit(
      { ...ctx, actor: { type: "system", id: null, label: email } },
      { action: "auth.sign_in_failed", entityType: "user", entityId: user?.id ?? null },
    );
    return null;
  }
  await ctx.db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(
    { ...ctx, actor: { type: "user", id: user.id, label: user.email, role: user.role } },
    { action: "auth.signed_in", entityType: "user", entityId: user.id },
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
