import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/server/domain/actor";
import { getAuthOptions, sessionAbsoluteSeconds } from "./options";

export type UserActor = Extract<Actor, { type: "user" }>;

/**
 * The signed-in user as an actor, read fresh from the database so that a role change or a
 * disabled account takes effect on the next request. null when signed out or past 12 hours.
 */
export async function getSessionActor(): Promise<UserActor | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id || !session.signedInAt) return null;
  if (Date.now() / 1000 - session.signedInAt > sessionAbsoluteSeconds) return null;
  const [user] = await getDatabase()
    .db.select({ id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, session.user.id));
  if (!user || user.disabledAt) return null;
  return { type: "user", id: user.id, label: user.email, role: user.role };
}
