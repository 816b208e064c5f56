import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { DomainContext } from "./context";
import type { DomainError } from "./errors";

/**
 * Database functions that run a whole money write as one statement (one round trip, row locks
 * held only while the database works): see db/migrations/0001_ledger_functions.sql and
 * 0013_spend_with_redeem.sql; and the answer of an Idempotency-Key's call (0010). Each has
 * a set-based `<name>_batch` taking an array of calls, which the single function runs with one
 * call (0011), and which the group commit calls.
 */
export type SqlFunction =
  | "ledger_post_entry"
  | "wallet_credit_pocket"
  | "pass_redeem"
  | "wallet_spend"
  | "idempotency_key_answer";

/** What the SQL functions raise for people (SQLSTATE class "TS") and the DomainError each becomes. */
export type SqlErrors = Partial<Record<string, () => DomainError>>;

/** The SQLSTATE of a database error, looking through drizzle's query error wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.length === 5) return code;
  }
  return undefined;
}

/** Calls a database function with one jsonb argument (camelCase keys) and returns its result. */
export async function callSqlFunction<T>(ctx: DomainContext, name: SqlFunction, argument: object, errors: SqlErrors = {}): Promise<T> {
  try {
    const rows = rowsOf<{ result: T }>(await ctx.db.execute(sql`select ${sql.raw(name)}(${JSON.stringify(argument)}::jsonb) as result`));
    return rows[0]!.result;
  } catch (error) {
    throw sqlFunctionError(error, errors);
  }
}

/** What a failed call of a database function throws: the DomainError its refusal maps to, if any. */
export function sqlFunctionError(error: unknown, errors: SqlErrors): unknown {
  const state = sqlState(error);
  const domainError = errors[state ?? ""];
  if (domainError) return domainError();
  // The database's own error (its message names the broken invariant), without drizzle's
  // wrapper, whose message repeats the argument.
  return state && error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

/** The actor as the SQL functions record it on entries, audit entries and events. */
export const sqlActor = (ctx: DomainContext) => ({
  type: ctx.actor.type,
  id: ctx.actor.id,
  label: ctx.actor.label,
  ip: ctx.origin?.ip ?? null,
  userAgent: ctx.origin?.userAgent ?? null,
});
