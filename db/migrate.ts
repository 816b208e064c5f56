import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { rowsOf } from "./rows";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies every committed migration not yet applied (drizzle's journal in schema "drizzle"). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.mode === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

export interface MigrationState {
  applied: number;
  available: number;
  upToDate: boolean;
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const available = readMigrationFiles({ migrationsFolder }).length;
  let applied = 0;
  try {
    const rows = await database.db.execute(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = Number(rowsOf<{ count: number }>(rows)[0]?.count ?? 0);
  } catch {
    applied = 0;
  }
  return { applied, available, upToDate: applied >= available };
}
