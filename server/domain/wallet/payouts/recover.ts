import { and, asc, eq, lte } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import type { DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { settleWithProvider } from "./settle";

/**
 * How long an approval may wait for its provider call before the recovery takes it over: well
 * beyond a provider's answer time, so the recovery rarely races the approval that is still
 * waiting for it (and when it does, the idempotency key and the conditional update keep it safe).
 */
export const settlementGraceMs = 5 * 60_000;

export interface StuckPayoutsRun {
  paid: number;
  failed: number;
  /** Settled by someone else (the approval itself, or another worker) between our read and our update. */
  skipped: number;
}

/**
 * The recovery job's step (D6): payouts still APPROVED `graceMs` after their approval — the
 * process died between committing the approval and settling it — are settled now, one at a time,
 * exactly as an approval settles them (settle.ts): the provider is called again with the same
 * idempotency key (the payout id), so a payout it already made is answered, not made twice. A
 * payout settled meanwhile is skipped.
 */
export async function settleStuckPayouts(ctx: DomainContext, options: { now?: Date; graceMs?: number; batchSize?: number } = {}): Promise<StuckPayoutsRun> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? settlementGraceMs));
  const batchSize = options.batchSize ?? 100;
  const run: StuckPayoutsRun = { paid: 0, failed: 0, skipped: 0 };
  for (;;) {
    const stuck = await ctx.db
      .select()
      .from(payoutRequests)
      .where(and(eq(payoutRequests.state, "APPROVED"), lte(payoutRequests.decidedAt, cutoff)))
      .orderBy(asc(payoutRequests.decidedAt), asc(payoutRequests.id))
      .limit(batchSize);
    for (const payout of stuck) {
      try {
        const settled = await settleWithProvider(ctx, payout);
        if (settled.state === "PAID") run.paid++;
        else run.failed++;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === "INVALID_STATE")) throw err;
        run.skipped++;
      }
    }
    if (stuck.length < batchSize) return run;
  }
}
