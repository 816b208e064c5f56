import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sqlState } from "./sql-functions";

/**
 * An Idempotency-Key's record (D4) that a command writes with its effect, in the same commit: the
 * command's first transaction (`inTransaction`) or its group-committed statement
 * (`callInGroupCommit`) records it, so the key is taken exactly when money moves. A second call
 * with the key then finds it taken (`IdempotencyKeyTaken`) and its own effect rolls back.
 */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  /** Keyed hash of method, path and body: the same key with another request is refused. */
  requestHash: string;
  /** Set once the record has committed with an effect: its answer is then stored on it. */
  recorded: boolean;
}

/** The claim a context's next write must record: null when there is none, or it is recorded already. */
export const claimToRecord = (claim: IdempotencyClaim | undefined): IdempotencyClaim | null =>
  claim && !claim.recorded ? claim : null;

/** The key was recorded by another call first: answer with that call's answer. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super("This Idempotency-Key is already recorded.");
    this.name = "IdempotencyKeyTaken";
  }
}

/** Whether a write failed because its claim's key was already recorded (`idempotency_claimed_batch` raises TSK01). */
export const isKeyTaken = (error: unknown): boolean => sqlState(error) === "TSK01";

/** The claim as it is stored (and as `idempotency_claimed_batch` takes it). */
export const claimArgument = ({ apiKeyId, key, method, path, requestHash }: IdempotencyClaim) => ({
  apiKeyId,
  key,
  method,
  path,
  requestHash,
});

/** Records the claim in the caller's transaction, before the command writes anything. */
export async function recordClaim(tx: Db, claim: IdempotencyClaim): Promise<void> {
  try {
    await tx.execute(sql`select idempotency_claimed_batch(${JSON.stringify([claimArgument(claim)])}::jsonb, '[true]'::jsonb)`);
  } catch (error) {
    throw isKeyTaken(error) ? new IdempotencyKeyTaken() : error;
  }
}
