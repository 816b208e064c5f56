import { count, isNull } from "drizzle-orm";
import { contacts, organisations, users } from "@/db/schema";
import type { DomainContext } from "../context";

/** The Home dashboard's figures, each a count over its own table. */
export async function homeFigures(ctx: DomainContext) {
  const [[contactCount], [organisationCount], [userCount]] = await Promise.all([
    ctx.db.select({ value: count() }).from(contacts).where(isNull(contacts.mergedIntoId)),
    ctx.db.select({ value: count() }).from(organisations).where(isNull(organisations.archivedAt)),
    ctx.db.select({ value: count() }).from(users).where(isNull(users.disabledAt)),
  ]);
  return {
    contacts: contactCount?.value ?? 0,
    organisations: organisationCount?.value ?? 0,
    users: userCount?.value ?? 0,
  };
}
