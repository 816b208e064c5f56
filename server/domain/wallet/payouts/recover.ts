import { and, asc, eq, lte, sql } from "drizzle-orm";
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
  /** The provider still did not answer: left APPROVED, asked again on the next run. */
  awaiting: number;
}

/**
 * The recovery job's step (D6): payouts still APPROVED `graceMs` after their approval — the
 * process died between committing the approval and settling it — are settled now, one at a time,
 * exactly as an approval settles them (settle.ts): the provider is called again with the same
 * idempotency key (the payout id), so a payout it already made is answered, not made twice. A
 * payout settled meanwhile is skipped; one the provider still does not answer for waits for the
 * next run.
 */
export async function settleStuckPayouts(ctx: DomainContext, options: { now?: Date; graceMs?: number; batchSize?: number } = {}): Promise<StuckPayoutsRun> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? settlementGraceMs));
  const batchSize = options.batchSize ?? 100;
  const run: StuckPayoutsRun = { paid: 0, failed: 0, skipped: 0, awaiting: 0 };
  // Keyset order, so payouts left awaiting the provider are not read again in this run.
  let after: { decidedAt: Date; id: string } | null = null;
  for (;;) {
    const stuck = await ctx.db
      .select()
      .from(payoutRequests)
      .where(
        and(
          eq(payoutRequests.state, "APPROVED"),
          lte(payoutRequests.decidedAt, cutoff),
          after ? sql`(${payoutRequests.decidedAt}, ${payoutRequests.id}) > (${after.decidedAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(payoutRequests.decidedAt), asc(payoutRequests.id))
      .limit(batchSize);
    for (const payout of stuck) {
      after = { decidedAt: payout.decidedAt!, id: payout.id };
      try {
        const settled = await settleWithProvider(ctx, payout);
        if (settled.state === "PAID") run.paid++;
        else if (settled.state === "FAILED") run.failed++;
        else run.awaiting++;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === "INVALID_STATE")) throw err;
        run.skipped++;
      }
    }
    if (stuck.length < batchSize) return run;
  }
}
