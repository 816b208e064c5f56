import PgBoss from "pg-boss";
import type { Database } from "@/db";

/**
 * pg-boss on either database mode. On PGlite it runs its SQL through the one embedded instance:
 * parameterised statements with `query`, multi-statement scripts (its migrations) with `exec`.
 */
export function createBoss(database: Database, connectionString?: string, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const { pglite } = database;
  if (database.mode === "postgres" && connectionString) {
    return new PgBoss({ connectionString, max: 4, application_name: "tessera-worker", ...options });
  }
  if (!pglite) throw new Error("pg-boss needs a connection string or a PGlite instance.");
  return new PgBoss({
    ...options,
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
  });
}
