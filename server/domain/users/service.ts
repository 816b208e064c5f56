import { asc, count, eq, ilike, or } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { newId } from "../ids";
import { pageOf, type Page } from "../paging";
import type { ChangeRoleInput, CreateUserInput, ListUsersInput, SetUserDisabledInput } from "./schemas";

/** The columns of a user that may leave the server (never the password hash). */
const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};
export type PublicUser = { [K in keyof typeof publicUserColumns]: (typeof users.$inferSelect)[K] };

export async function createUser(ctx: DomainContext, input: CreateUserInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw invalidField("email", "A user with this email already exists.");
    const [user] = await tx.db
      .insert(users)
      .values({ id: newId(), email: input.email, name: input.name, role: input.role, passwordHash })
      .returning(publicUserColumns);
    if (!user) throw new DomainError("CONFLICT", "The user could not be created.");
    await recordAudit(tx, { action: "user.created", entityType: "user", entityId: user.id, after: user });
    return user;
  });
}

export async function listUsers(ctx: DomainContext, input: ListUsersInput): Promise<Page<PublicUser>> {
  const where = input.search
    ? or(ilike(users.email, `%${input.search}%`), ilike(users.name, `%${input.search}%`))
    : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(publicUserColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(users).where(where),
  ]);
  return pageOf(rows, total?.value ?? 0, input);
}

async function updateUser(
  ctx: DomainContext,
  userId: string,
  action: string,
  change: Partial<Pick<typeof users.$inferInsert, "role" | "disabledAt">>,
): Promise<PublicUser> {
  return inTransaction(ctx, async (tx) => {
    // Locked so the before/after of the audit entry are exactly this change.
    const [before] = await tx.db.select(publicUserColumns).from(users).where(eq(users.id, userId)).for("update");
    if (!before) throw notFound("User");
    if (ctx.actor.type === "user" && ctx.actor.id === userId) {
      throw new DomainError("BUSINESS_RULE", "You cannot change your own role or disable yourself.");
    }
    const [after] = await tx.db.update(users).set(change).where(eq(users.id, userId)).returning(publicUserColumns);
    await recordAudit(tx, { action, entityType: "user", entityId: userId, before, after });
    return after!;
  });
}

export function changeUserRole(ctx: DomainContext, input: ChangeRoleInput): Promise<PublicUser> {
  return updateUser(ctx, input.userId, "user.role_changed", { role: input.role });
}

export function setUserDisabled(ctx: DomainContext, input: SetUserDisabledInput): Promise<PublicUser> {
  return updateUser(ctx, input.userId, input.disabled ? "user.disabled" : "user.enabled", {
    disabledAt: input.disabled ? new Date() : null,
  });
}

