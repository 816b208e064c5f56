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

type TransactionSql = postgres.TransactionSql;

/**
 * drizzle sends every query through `sql.unsafe`, which postgres-js does not prepare, and an
 * unprepared query with parameters costs two round trips (describe, then execute). Prepared,
 * as postgres-js prepares its own tagged queries, it costs one. Statements are cached per
 * connection (postgres-js recycles connections after max_lifetime); queries without parameters
 * still use the simple protocol, so multi-statement SQL (migrations) runs as before.
 */
function preparingQueries<T extends postgres.Sql | TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case "unsafe":
          return (query: string, parameters: postgres.ParameterOrJSON<never>[] = [], options: postgres.UnsafeQueryOptions = {}) =>
            target.unsafe(query, parameters, { prepare: true, ...options });
        case "begin":
          return (...args: unknown[]) => {
            const body = args.pop() as (tx: TransactionSql) => unknown;
            return onReservedConnection(target as postgres.Sql, (args[0] as string | undefined) ?? "", (tx) => body(preparingQueries(tx)));
          };
        case "savepoint":
          return (...args: unknown[]) => {
            const body = args.pop() as (tx: TransactionSql) => unknown;
            const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
            return open.call(target, ...args, (tx: TransactionSql) => body(preparingQueries(tx)));
          };
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}

/**
 * A transaction on a connection reserved for it first. postgres-js 3.4.9's own `sql.begin` can
 * send BEGIN to a connection without reserving it, when BEGIN is the query that fills that
 * connection's pipeline (porsager/postgres#823, #1189): it then fails with UNSAFE_TRANSACTION and
 * leaves the transaction open on a pooled connection, where other callers' statements (a group
 * commit's redemptions) would run inside it, answered but never committed (db/client.test.ts
 * shows both). `sql.reserve` takes only an idle connection, so BEGIN, the body and COMMIT (or
 * ROLLBACK) all run on one connection that nothing else uses meanwhile.
 */
async function onReservedConnection<T>(client: postgres.Sql, mode: string, body: (tx: TransactionSql) => T | Promise<T>): Promise<T> {
  const reserved = await client.reserve();
  try {
    await reserved.unsafe(`begin ${mode.replace(/[^a-z ]/gi, "")}`);
    let result: T;
    try {
      result = await body(withSavepoints(reserved));
    } catch (error) {
      // A rollback fails only with the connection, which then takes the transaction with it.
      await reserved.unsafe("rollback").catch(() => {});
      throw error;
    }
    // A transaction a failed statement aborted answers COMMIT with ROLLBACK, not with an error.
    const committed = await reserved.unsafe("commit");
    if (committed.command !== "COMMIT") throw new Error(`The transaction was rolled back (${committed.command}).`);
    return result;
  } finally {
    reserved.release();
  }
}

/** The reserved connection as a transaction: nested transactions are savepoints on it. */
function withSavepoints(reserved: postgres.ReservedSql): TransactionSql {
  let savepoints = 0;
  const tx = Object.assign(reserved, {
    // As postgres-js calls it: an optional name first, the body last.
    savepoint: async (...args: unknown[]): Promise<unknown> => {
      const body = args.pop() as (inner: TransactionSql) => unknown;
      const name = `s${savepoints++}`;
      await reserved.unsafe(`savepoint ${name}`);
      try {
        const result = await body(tx);
        await reserved.unsafe(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await reserved.unsafe(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  }) as unknown as TransactionSql;
  return tx;
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    const sql = postgres(options.url, {
      max: options.max ?? 20,
      onnotice: () => {},
    });
    const db = drizzlePostgres(preparingQueries(sql), { schema, casing: "snake_case" }) as unknown as Db;
    return { db, mode: "postgres", sql, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? ".data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = new PGlite(dataDir);
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, mode: "pglite", pglite, close: () => pglite.close() };
}
