import { and, isNull, or, sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimits } from "@/db/schema";
import type { Db } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { preparedQuery } from "@/db/prepared";
import { DomainError } from "./errors";

export interface FailureLimit {
  /** Separates counters of different kinds (e.g. "sign-in", "passcode"). */
  name: string;
  /** Failures allowed within the window; the next one is refused. */
  points: number;
  windowSeconds: number;
}

const limiters = new WeakMap<Db, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Db, limit: FailureLimit): RateLimiterDrizzle {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(limit.name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
      clearExpiredByTimeout: false,
    });
    byName.set(limit.name, limiter);
  }
  return limiter;
}

/** One failure counter to check: a limit and the key it counts (an email, an IP, a code …). */
export interface LockoutCheck {
  limit: FailureLimit;
  key: string;
}

/**
 * Failure counters shared by every app server (they live in PostgreSQL), read for several
 * limits in one query (the redemption hot path checks two). Refuses if any counter reached its
 * limit. Counts use the process database handle, never the caller's transaction, so a failure
 * stays counted when the command that found it rolls back.
 */
export async function assertNotLockedOut(db: Db, checks: readonly LockoutCheck[]): Promise<void> {
  const stored = checks.map((c) => ({ ...c, storedKey: limiterFor(db, c.limit).getKey(c.key) as string }));
  const counters = await preparedQuery(db, "rate_limit_counters", (handle, name) =>
    handle
      .select()
      .from(rateLimits)
      .where(
        and(
          sql`${rateLimits.key} = any(${sql.placeholder("keys")}::text[])`,
          or(isNull(rateLimits.expire), sql`${rateLimits.expire} > ${sql.placeholder("now")}::timestamptz`),
        ),
      )
      .prepare(name),
  ).execute({ keys: arrayLiteral(stored.map((c) => c.storedKey)), now: new Date().toISOString() });
  for (const check of stored) {
    const counter = counters.find((c) => c.key === check.storedKey);
    if (counter && counter.points >= check.limit.points) {
      const msBeforeNext = counter.expire ? counter.expire.getTime() - Date.now() : check.limit.windowSeconds * 1000;
      throw new DomainError("TOO_MANY_ATTEMPTS", "Too many failed attempts. Try again later.", {
        retryAfterSeconds: Math.ceil(msBeforeNext / 1000),
      });
    }
  }
}

export async function recordFailure(db: Db, limit: FailureLimit, keys: string[]): Promise<void> {
  const limiter = limiterFor(db, limit);
  for (const key of keys) {
    try {
      await limiter.consume(key);
    } catch (err) {
      // Consuming past the limit rejects with a RateLimiterRes: the failure is counted all the same.
      if (!(err instanceof RateLimiterRes)) throw err;
    }
  }
}
