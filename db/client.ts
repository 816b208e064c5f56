import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
/** A database handle or an open transaction: both drivers and transactions share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;

export type DatabaseMode = "pglite" | "postgres";

export interface Database {
  db: Db;
  mode: DatabaseMode;
  /** The raw PGlite instance (pg-boss on PGlite runs its SQL through it); undefined on a server. */
  pglite?: PGlite;
  /** The raw postgres-js client; undefined on PGlite. */
  sql?: postgres.Sql;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; absent means embedded PGlite. */
  url?: string;
  /** PGlite data directory; "memory://" for a throwaway database. */
  dataDir?: string;
  /** postgres-js pool size. */
  max?: number;
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    const sql = postgres(options.url, {
      max: options.max ?? 20,
      onnotice: () => {},
    });
    const db = drizzlePostgres(sql, { schema, casing: "snake_case" }) as unknown as Db;
    return { db, mode: "postgres", sql, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? ".data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = new PGlite(dataDir);
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, mode: "pglite", pglite, close: () => pglite.close() };
}
