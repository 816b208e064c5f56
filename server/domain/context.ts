import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import type { Actor, RequestOrigin } from "./actor";
import { claimToRecord, recordClaim, type IdempotencyClaim } from "./idempotency-claim";

/** What every domain function receives: the database (or open transaction) and who is acting. */
export interface DomainContext {
  db: Db;
  actor: Actor;
  origin?: RequestOrigin;
  /**
   * The process database when `db` is a transaction someone else opened (a REST idempotency
   * record): records that must survive a refusal's rollback (failure counters) are written here.
   */
  rootDb?: Db;
  /**
   * The Idempotency-Key of a REST call whose command writes only through `inTransaction` and
   * `callInGroupCommit`: the first of these to write records it with the write.
   */
  claim?: IdempotencyClaim;
}

/**
 * Runs one command in one transaction. Called inside another command's transaction it becomes
 * a savepoint, so a REST handler can wrap a command with its idempotency record. A claim not yet
 * recorded is recorded first, so it commits with the transaction's writes or not at all.
 */
export async function inTransaction<T>(ctx: DomainContext, fn: (tx: DomainContext) => Promise<T>): Promise<T> {
  const claim = ctx.db instanceof PgTransaction ? null : claimToRecord(ctx.claim);
  const result = await ctx.db.transaction(async (tx) => {
    if (claim) await recordClaim(tx, claim);
    return fn({ ...ctx, db: tx });
  });
  if (claim) claim.recorded = true;
  return result;
}

/**
 * Runs `fn` in the caller's transaction when there is one, else in a new one: for steps that
 * must be atomic (a journal entry and its postings) without a savepoint on every hot call.
 */
export function atomically<T>(ctx: DomainContext, fn: (tx: DomainContext) => Promise<T>): Promise<T> {
  return ctx.db instanceof PgTransaction ? fn(ctx) : inTransaction(ctx, fn);
}
