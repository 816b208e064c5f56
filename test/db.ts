import { sql } from "drizzle-orm";
import { afterAll } from "vitest";
import { getDatabase } from "@/db";
import { rowsOf } from "@/db/rows";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { newId } from "@/server/domain/ids";
import type { Role } from "@/server/domain/users/roles";
import { createUser } from "@/server/domain/users/service";

/** The run's database (fresh per run, see global-setup); closed after the file's tests. */
export function testDatabase() {
  const database = getDatabase();
  afterAll(() => database.close());
  return database;
}

/** A value unique to this test run, for emails, names and codes. */
export const unique = (prefix = "t") => `${prefix}${newId().replace(/-/g, "").slice(-12)}`;

/** How many transactions wrote these rows of a table (by their xmin): 1 for one batch. */
export async function transactionsThatWrote(ctx: DomainContext, table: "journal_entries" | "spends", ids: string[]): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`select count(distinct xmin::text)::int as n from ${sql.identifier(table)} where id in ${ids}`),
  );
  return row!.n;
}

/** A real user of the given role, and a domain context acting as them. */
export async function contextAs(role: Role = "admin"): Promise<DomainContext & { actor: { type: "user" } }> {
  const db = getDatabase().db;
  const email = `${unique(role)}@test.example`;
  const user = await createUser({ db, actor: systemActor("test") }, { email, name: role, role, password: "test-password-123" });
  return { db, actor: { type: "user", id: user.id, label: user.email, role: user.role } };
}
