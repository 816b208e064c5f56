import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getDatabase, type Db } from "@/db";
import * as schema from "@/db/schema";

const globalForOutside = globalThis as unknown as { tesseraOutsideDb?: Db };

/**
 * Where a REST call writes what must outlive its own rollback (redemption failure counters and
 * their audit, see DomainContext.rootDb): a small pool of its own. An Idempotency-Key call holds a
 * request-pool connection for its whole transaction; if those writes took a second connection
 * from the same pool, enough parallel calls would each hold one and wait for another forever.
 * These are single autocommit statements that never wait on the request pool, so no cycle.
 */
export function outsideDb(): Db {
  const main = getDatabase();
  if (main.mode !== "postgres" || !process.env.DATABASE_URL) return main.db;
  globalForOutside.tesseraOutsideDb ??= drizzle(postgres(process.env.DATABASE_URL, { max: 4, idle_timeout: 5, onnotice: () => {} }), {
    schema,
    casing: "snake_case",
  }) as unknown as Db;
  return globalForOutside.tesseraOutsideDb;
}
