import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { callInGroupCommit } from "@/server/domain/group-commit";
import { claimArgument, IdempotencyKeyTaken, type IdempotencyClaim } from "@/server/domain/idempotency-claim";
import { keyedHash } from "@/server/domain/keyed-hash";
import { errorResult, isExpectedError, type RestResult } from "./envelope";

export interface IdempotentRequest {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  bodyText: string;
}

const keyPattern = /^[\w.:-]{1,200}$/;
/** How long a replay waits for the answer of a first call still under way, before it says so. */
const answerWaitMs = 5_000;
const answerPollMs = 20;

/**
 * Runs a mutating call at most once per (API key, Idempotency-Key), answering replays with the
 * first result, errors included (D4). The record is inserted first, in the same transaction as
 * the command: a concurrent replay waits on its unique key and then reads the stored answer, so
 * money never moves twice. Unexpected failures roll everything back and may be retried.
 */
export async function runIdempotent(
  ctx: DomainContext,
  request: IdempotentRequest,
  execute: (ctx: DomainContext) => Promise<RestResult>,
): Promise<RestResult> {
  const claim = claimOf(request);
  if (!claim) return invalidKey();
  return ctx.db.transaction(async (tx) => {
    if (!(await recordKey(tx, claim, null))) return replay(tx, claim);
    // A savepoint: a refused command leaves nothing behind but its recorded answer.
    const result = await answerOf(() => tx.transaction((inner) => execute({ ...ctx, db: inner })));
    await storeAnswer({ ...ctx, db: tx }, claim, result);
    return result;
  });
}

/**
 * The same guarantee for a command that records the key's claim with its own write (see
 * DomainContext.claim): no transaction is held around it, so its write can join a group commit.
 * - Its write commits with the claim, or not at all; a second call with the key finds the claim,
 *   its own write rolls back, and it answers the first call's answer once that is stored.
 * - A call that wrote nothing (refused, or nothing to do) records its answer as the key's first,
 *   unless a call with the key recorded one before it.
 * - A process that stops (or a call that fails unexpectedly) between the write's commit and the
 *   answer's leaves the claim without an answer: money moved once, and replays answer
 *   IDEMPOTENCY_KEY_IN_PROGRESS until the record is purged (24 hours), never a second write.
 */
export async function runIdempotentWithWrite(
  ctx: DomainContext,
  request: IdempotentRequest,
  execute: (ctx: DomainContext) => Promise<RestResult>,
): Promise<RestResult> {
  const claim = claimOf(request);
  if (!claim) return invalidKey();
  let result: RestResult;
  try {
    result = await answerOf(() => execute({ ...ctx, claim }));
  } catch (err) {
    if (err instanceof IdempotencyKeyTaken) return replay(ctx.db, claim);
    throw err;
  }
  if (claim.recorded) {
    await storeAnswer(ctx, claim, result);
    return result;
  }
  return (await recordKey(ctx.db, claim, result)) ? result : replay(ctx.db, claim);
}

/** The command's result, or the answer to its refusal; unexpected failures are thrown, never recorded. */
async function answerOf(run: () => Promise<RestResult>): Promise<RestResult> {
  try {
    return await run();
  } catch (err) {
    if (!isExpectedError(err)) throw err;
    return errorResult(err);
  }
}

/** Inserts the key's record, with its answer or (null) pending one; false if the key is recorded already. */
async function recordKey(db: Db, claim: IdempotencyClaim, answer: RestResult | null): Promise<boolean> {
  const [recorded] = await db
    .insert(idempotencyKeys)
    .values({ ...claimArgument(claim), statusCode: answer?.status ?? 0, responseBody: answer ? (answer.body ?? null) : {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return recorded !== undefined;
}

/**
 * Stores the answer on the key's pending record. Outside a transaction it joins a group commit:
 * one more commit per call would halve the throughput of keyed calls.
 */
async function storeAnswer(ctx: DomainContext, claim: IdempotencyClaim, result: RestResult): Promise<void> {
  await callInGroupCommit({ ...ctx, claim: undefined }, "idempotency_key_answer", {
    apiKeyId: claim.apiKeyId,
    key: claim.key,
    statusCode: result.status,
    responseBody: result.body ?? null,
  });
}

function claimOf(request: IdempotentRequest): IdempotencyClaim | null {
  if (!keyPattern.test(request.key)) return null;
  const { apiKeyId, key, method, path, bodyText } = request;
  // Keyed: a redeem body carries a passcode, and a plain hash of it could be brute-forced.
  const requestHash = keyedHash("idempotency", `${method}\n${path}\n${bodyText}`);
  return { apiKeyId, key, method, path, requestHash, recorded: false };
}

const invalidKey = () =>
  errorResult(new DomainError("VALIDATION_FAILED", "Idempotency-Key must be 1–200 letters, digits, '.', ':', '_' or '-'."));

/** The first call's answer, waiting while that call is still under way (recorded, not answered). */
async function replay(db: Db, claim: IdempotencyClaim): Promise<RestResult> {
  const giveUpAt = Date.now() + answerWaitMs;
  for (;;) {
    const [first] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.apiKeyId, claim.apiKeyId), eq(idempotencyKeys.key, claim.key)));
    if (!first || first.requestHash !== claim.requestHash) {
      return errorResult(new DomainError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request."));
    }
    if (first.statusCode !== 0) return { status: first.statusCode, body: first.responseBody };
    if (Date.now() >= giveUpAt) {
      return errorResult(
        new DomainError("IDEMPOTENCY_KEY_IN_PROGRESS", "A request with this Idempotency-Key is still being processed. Try again shortly."),
      );
    }
    await sleep(answerPollMs);
  }
}
