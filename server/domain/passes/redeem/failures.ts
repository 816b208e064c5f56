import { recordAudit } from "../../audit/record";
import type { DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { keyedHash } from "../../keyed-hash";
import {
  assertNotLockedOut,
  recordFailure,
  refuseIfLockedOut,
  storedChecks,
  type FailureCounter,
  type FailureLimit,
  type StoredCheck,
} from "../../rate-limit";

/** D5: more than 5 failures per code, or 20 per caller per minute, are refused. */
export const perCodeLimit: FailureLimit = { name: "redeem-code", points: 5, windowSeconds: 60 * 60 };
export const perCallerLimit: FailureLimit = { name: "redeem-caller", points: 20, windowSeconds: 60 };

/** The answer to a wrong code, PIN or OTP: one message, so it never tells whether a code exists. */
export const wrongCredentials = () => new DomainError("INVALID_CREDENTIALS", "The code, PIN or one-time code is not valid.");

export type FailureReason = "UNKNOWN_CODE" | "WRONG_PIN" | "WRONG_OTP";

/**
 * Where failures of one redemption attempt are counted: the per-code key is derived from the
 * code's lookup hash (not the hash itself), the caller is the API key or user.
 */
export interface FailureScope {
  /** Failure counters and their audit must outlive the attempt's rollback: the process database. */
  outside: DomainContext;
  codeKey: string;
  callerKey: string;
  /** What the attempt is locked out by: failures of its caller, and of its code. */
  lockout: StoredCheck[];
}

export function failureScope(ctx: DomainContext, lookupHash: string): FailureScope {
  const callerKey = ctx.actor.type === "system" ? `system:${ctx.origin?.ip ?? ctx.actor.label}` : `${ctx.actor.type}:${ctx.actor.id}`;
  const codeKey = keyedHash("redeem-failures", lookupHash).slice(0, 32);
  const outside = { ...ctx, db: ctx.rootDb ?? ctx.db };
  const lockout = storedChecks(outside.db, [
    { limit: perCallerLimit, key: callerKey },
    { limit: perCodeLimit, key: codeKey },
  ]);
  return { outside, codeKey, callerKey, lockout };
}

/**
 * Refuses (429, audited) an attempt on a locked-out code or by a locked-out caller, before
 * anything about the pass is told: on the counters as read with the pass, or read now.
 */
export async function assertRedemptionAllowed(scope: FailureScope, counters?: readonly FailureCounter[]): Promise<void> {
  try {
    if (counters) refuseIfLockedOut(scope.lockout, counters);
    else await assertNotLockedOut(scope.outside.db, scope.lockout);
  } catch (err) {
    if (err instanceof DomainError && err.code === "TOO_MANY_ATTEMPTS") {
      await recordAudit(scope.outside, { action: "pass.redemption_locked_out", entityType: "pass", after: { caller: scope.callerKey } });
    }
    throw err;
  }
}

/** Counts a wrong code, PIN or OTP against the code and the caller, logs it, and refuses the attempt. */
export async function refuseWrongCredentials(scope: FailureScope, reason: FailureReason, pass: { id: string; codeMask: string } | null): Promise<never> {
  await recordFailure(scope.outside.db, perCodeLimit, [scope.codeKey]);
  await recordFailure(scope.outside.db, perCallerLimit, [scope.callerKey]);
  await recordAudit(scope.outside, {
    action: "pass.redemption_failed",
    entityType: "pass",
    entityId: pass?.id ?? null,
    after: { reason, codeMask: pass?.codeMask ?? null },
  });
  throw wrongCredentials();
}

/** Logs a refusal that is not a guess (pass used up, expired, …) on the pass's history, then throws it. */
export async function refuseAttempt(scope: FailureScope, pass: { id: string; codeMask: string }, error: DomainError): Promise<never> {
  await recordAudit(scope.outside, {
    action: "pass.redemption_refused",
    entityType: "pass",
    entityId: pass.id,
    after: { reason: error.code, message: error.message, codeMask: pass.codeMask },
  });
  throw error;
}
