import type { Db } from "./client";

const built = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query of the hot path built once per database handle instead of on every call (drizzle's
 * query building was a fifth of a redemption's Node CPU). A transaction is a handle of its own,
 * so inside one the query is built once per transaction. `build` prepares it under `name`.
 */
export function preparedQuery<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build(db, name));
  return byName.get(name) as T;
}
