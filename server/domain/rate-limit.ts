import { sql, type SQLWrapper } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimits } from "@/db/schema";
import type { Db } from "@/db";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
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

/** A stored failure counter still within its window. */
export interface FailureCounter {
  key: string;
  points: number;
  /** When the window ends (epoch ms); null: never. */
  expireMs: number | null;
}

/** A check with the key its counter is stored under (the limiter's prefix and the key). */
export interface StoredCheck extends LockoutCheck {
  storedKey: string;
}

export function storedChecks(db: Db, checks: readonly LockoutCheck[]): StoredCheck[] {
  return checks.map((c) => ({ ...c, storedKey: limiterFor(db, c.limit).getKey(c.key) as string }));
}

/**
 * A query column holding the counters stored under `keys` (a text[] literal) that are still
 * within their window at `now`: values or placeholders, so a hot query can read them with its
 * own rows instead of in a round trip of their own.
 */
export function failureCountersColumn(keys: SQLWrapper | string, now: SQLWrapper | string) {
  return sql<FailureCounter[]>`(select coalesce(jsonb_agg(jsonb_build_object('key', r.key, 'points', r.points, 'expireMs', (extract(epoch from r.expire) * 1000)::bigint)), '[]')
    from ${rateLimits} r where r.key = any(${keys}::text[]) and (r.expire is null or r.expire > ${now}::timestamptz))`;
}

/** Refuses (TOO_MANY_ATTEMPTS) if any check's counter, as read, reached its limit. */
export function refuseIfLockedOut(checks: readonly StoredCheck[], counters: readonly FailureCounter[]): void {
  for (const check of checks) {
    const counter = counters.find((c) => c.key === check.storedKey);
    if (counter && counter.points >= check.limit.points) {
      const msBeforeNext = counter.expireMs !== null ? counter.expireMs - Date.now() : check.limit.windowSeconds * 1000;
      throw new DomainError("TOO_MANY_ATTEMPTS", "Too many failed attempts. Try again later.", {
        retryAfterSeconds: Math.ceil(msBeforeNext / 1000),
      });
    }
  }
}

/**
 * Failure counters shared by every app server (they live in PostgreSQL), read for several
 * limits in one query. Refuses if any counter reached its limit. Counts use the process database
 * handle, never the caller's transaction, so a failure stays counted when the command that found
 * it rolls back.
 */
export async function assertNotLockedOut(db: Db, checks: readonly LockoutCheck[]): Promise<void> {
  const stored = storedChecks(db, checks);
  const column = failureCountersColumn(arrayLiteral(stored.map((c) => c.storedKey)), new Date().toISOString());
  const [row] = rowsOf<{ counters: FailureCounter[] }>(await db.execute(sql`select ${column} as counters`));
  refuseIfLockedOut(stored, row!.counters);
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
