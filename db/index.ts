import path from "node:path";
import { env } from "@/env";
import { createDatabase, type Database } from "./client";

const globalForDb = globalThis as unknown as { tesseraDatabase?: Database };

/**
 * The process-wide database. PGlite allows one instance per data directory, so the handle lives
 * on globalThis and survives Next.js dev reloads.
 */
export function getDatabase(): Database {
  globalForDb.tesseraDatabase ??= createDatabase({
    url: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR, "pglite"),
  });
  return globalForDb.tesseraDatabase;
}

export type { Db, Tx, Database, DatabaseMode } from "./client";
