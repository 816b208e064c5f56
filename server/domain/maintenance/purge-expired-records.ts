import { lt, sql } from "drizzle-orm";
import { idempotencyKeys, rateLimits } from "@/db/schema";
import type { DomainContext } from "../context";

/** How long a stored first answer is replayed for the same Idempotency-Key. */
export const idempotencyRetentionHours = 24;

/** Deletes idempotency records past their retention and rate-limit counters past their window. */
export async function purgeExpiredRecords(ctx: DomainContext, now = new Date()) {
  const idempotencyCutoff = new Date(now.getTime() - idempotencyRetentionHours * 3600_000);
  const purgedKeys = await ctx.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, idempotencyCutoff))
    .returning({ key: idempotencyKeys.key });
  const purgedCounters = await ctx.db
    .delete(rateLimits)
    .where(lt(rateLimits.expire, sql`${now.toISOString()}::timestamptz`))
    .returning({ key: rateLimits.key });
  return { idempotencyKeys: purgedKeys.length, rateLimitCounters: purgedCounters.length };
}
