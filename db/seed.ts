import { count } from "drizzle-orm";
import type { Db } from "./client";
import { users } from "./schema";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { seedDemoContacts } from "./seed-contacts";
import { seedDemoPassPlans } from "./seed-pass-plans";
import { createUser } from "@/server/domain/users/service";
import type { Role } from "@/server/domain/users/roles";

/** The demo users of the README, one per role. Demo data only: never seeded in production. */
export const demoUsers: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@tessera.test", name: "Ada Admin", role: "admin", password: "tessera-admin" },
  { email: "marketing@tessera.test", name: "Mia Marketing", role: "marketing", password: "tessera-marketing" },
  { email: "finance@tessera.test", name: "Finn Finance", role: "finance", password: "tessera-finance" },
  { email: "support@tessera.test", name: "Sam Support", role: "support", password: "tessera-support" },
];

/** Seeds demo data through the real domain functions, once: a database with users is left alone. */
export async function seedDemoData(db: Db): Promise<boolean> {
  const [existing] = await db.select({ value: count() }).from(users);
  if ((existing?.value ?? 0) > 0) return false;
  const ctx: DomainContext = { db, actor: systemActor("demo seed") };
  for (const user of demoUsers) await createUser(ctx, user);
  await seedDemoContacts(ctx);
  await seedDemoPassPlans(ctx);
  return true;
}
