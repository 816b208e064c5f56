import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
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

/**
 * Runs a mutating call at most once per (API key, Idempotency-Key), answering replays with the
 * first result, errors included (D4). The record is inserted first, in the same transaction as
 * the command: a concurrent replay waits on its unique key and then reads the stored answer, so
 * money never moves twice. Unexpected failures roll everything back and may be retried.
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest,
  execute: (tx: Db) => Promise<RestResult>,
): Promise<RestResult> {
  if (!keyPattern.test(request.key)) {
    return errorResult(
      new DomainError("VALIDATION_FAILED", "Idempotency-Key must be 1–200 letters, digits, '.', ':', '_' or '-'."),
    );
  }
  // Keyed: a redeem body carries a passcode, and a plain hash of it could be brute-forced.
  const requestHash = keyedHash("idempotency", `${request.method}\n${request.path}\n${request.bodyText}`);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ ...pick(request), requestHash, statusCode: 0, responseBody: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed) return replay(tx, request, requestHash);

    let result: RestResult;
    try {
      // A savepoint: a refused command leaves nothing behind but its recorded answer.
      result = await tx.transaction((inner) => execute(inner));
    } catch (err) {
      if (!isExpectedError(err)) throw err;
      result = errorResult(err);
    }
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: result.status, responseBody: result.body ?? null })
      .where(and(eq(idempotencyKeys.apiKeyId, request.apiKeyId), eq(idempotencyKeys.key, request.key)));
    return result;
  });
}

function pick(request: IdempotentRequest) {
  return { apiKeyId: request.apiKeyId, key: request.key, method: request.method, path: request.path };
}

async function replay(tx: Db, request: IdempotentRequest, requestHash: string): Promise<RestResult> {
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, request.apiKeyId), eq(idempotencyKeys.key, request.key)));
  if (!stored || stored.requestHash !== requestHash) {
    return errorResult(
      new DomainError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used for a different request.",
      ),
    );
  }
  return { status: stored.statusCode, body: stored.responseBody };
}
