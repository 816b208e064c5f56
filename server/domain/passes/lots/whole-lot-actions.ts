import { and, count, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { lots, passes } from "@/db/schema";
import { queues } from "@/server/jobs/queues";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { enqueueJob } from "../../job-queue";
import { isActionUnderWay } from "./action-state";
import { failureMessage, lockLot, recordLotChange, type LotRow } from "./lot-changes";
import { getLot, type LotDetail } from "./read";
import type { LotIdInput } from "./schemas";

type LotAction = NonNullable<LotRow["action"]>;
type PassState = (typeof passes.$inferSelect)["state"];

/** What each whole-lot action (D5) changes, and how the lot's history names it. */
const actions = {
  ACTIVATE: {
    from: ["DRAFT"],
    to: "ACTIVE",
    stamp: "activated_at",
    noPasses: "This lot has no passes in draft to activate.",
    requested: "lot.activation_requested",
    completed: "lot.activated",
    failed: "lot.activation_failed",
    fact: "activated",
    running: "Wait until the lot's activation has finished.",
  },
  CANCEL: {
    from: ["DRAFT", "ACTIVE"],
    to: "CANCELLED",
    stamp: "cancelled_at",
    noPasses: "This lot has no draft or active passes to cancel.",
    requested: "lot.cancellation_requested",
    completed: "lot.cancelled",
    failed: "lot.cancellation_failed",
    fact: "cancelled",
    running: "Wait until the lot's cancellation has finished.",
  },
} as const satisfies Record<LotAction, { from: readonly PassState[]; to: PassState } & Record<string, unknown>>;

/**
 * Asks the worker to run a whole-lot action: a million passes take about a minute, far too long
 * for one request or one transaction. Refused, changing nothing, for a lot not yet generated,
 * one with an action under way, or one with no pass the action would change.
 */
async function requestLotAction(ctx: DomainContext, lotId: string, action: LotAction): Promise<LotDetail> {
  const rule = actions[action];
  await inTransaction(ctx, async (tx) => {
    const lot = await lockLot(tx, lotId);
    if (lot.kind !== "PRINTED") throw new DomainError("BUSINESS_RULE", "Whole-lot actions apply to printed lots only.");
    if (lot.generationState !== "COMPLETED") throw new DomainError("INVALID_STATE", "Wait until the lot has been generated completely.");
    if (isActionUnderWay(lot)) throw new DomainError("INVALID_STATE", actions[lot.action!].running);
    const [found] = await tx.db
      .select({ n: count() })
      .from(passes)
      .where(and(eq(passes.lotId, lot.id), inArray(passes.state, [...rule.from])));
    const total = found?.n ?? 0;
    if (total === 0) throw new DomainError("INVALID_STATE", rule.noPasses);
    await tx.db
      .update(lots)
      .set({ action, actionState: "PENDING", actionTotal: total, actionDone: 0, actionError: null, actionRequestedAt: new Date(), actionCompletedAt: null })
      .where(eq(lots.id, lot.id));
    await recordLotChange(tx, lot, rule.requested, { passes: total });
    await enqueueJob(tx, queues.runLotAction, { lotId: lot.id }, { singletonKey: lot.id });
  });
  return getLot(ctx, { lotId });
}

/** Activates every DRAFT pass of a lot (after the printed cards were cross-checked, D5), in the background. */
export const activateLot = (ctx: DomainContext, input: LotIdInput) => requestLotAction(ctx, input.lotId, "ACTIVATE");

/** Cancels every DRAFT or ACTIVE pass of a lot in the background; redeemed and expired passes keep their state. */
export const cancelLot = (ctx: DomainContext, input: LotIdInput) => requestLotAction(ctx, input.lotId, "CANCEL");

export interface RunLotActionParams extends LotIdInput {
  batchSize?: number;
  /** Tests: stop after this many batches, as a worker killed mid-way would. */
  stopAfterBatches?: number;
}

/**
 * One batch in its own transaction: the next passes of the lot after `after` (keyset on the
 * (lot, id) index, so every batch costs the same), those still in a `from` state changed. The
 * lot's row lock orders the batches and the progress written with them.
 */
async function runBatch(ctx: DomainContext, lotId: string, after: string | null, batchSize: number) {
  return inTransaction(ctx, async (tx) => {
    const lot = await lockLot(tx, lotId);
    if (!lot.action || !isActionUnderWay(lot)) return null;
    const rule = actions[lot.action];
    const [batch] = rowsOf<{ last: string | null; changed: number }>(
      await tx.db.execute(sql`
        with batch as (
          select id from passes
          where lot_id = ${lotId}::uuid ${after === null ? sql`` : sql`and id > ${after}::uuid`}
          order by id limit ${batchSize}
        ), changed as (
          update passes set state = ${rule.to}::pass_state, ${sql.raw(rule.stamp)} = now(), updated_at = now()
          where id in (select id from batch) and state in (${sql.join(rule.from.map((s) => sql`${s}::pass_state`), sql`, `)})
          returning 1
        )
        select (select id from batch order by id desc limit 1) as last, (select count(*) from changed)::int as changed`),
    );
    const done = lot.actionDone + batch!.changed;
    if (batch!.last === null) {
      await tx.db.update(lots).set({ actionState: "COMPLETED", actionCompletedAt: new Date() }).where(eq(lots.id, lotId));
      await recordLotChange(tx, lot, rule.completed, { [rule.fact]: done });
      return null;
    }
    await tx.db.update(lots).set({ actionState: "RUNNING", actionDone: done }).where(eq(lots.id, lotId));
    return batch!.last;
  });
}

/**
 * Runs (or resumes) a lot's pending action a batch at a time, so its progress shows and a restart
 * loses at most one batch; passes already changed are skipped. A failure marks the action FAILED
 * and is rethrown for the job's retries; requesting the action again also resumes it.
 */
export async function runLotAction(ctx: DomainContext, params: RunLotActionParams): Promise<"completed" | "stopped" | "nothing to do"> {
  const [lot] = await ctx.db.select({ action: lots.action, actionState: lots.actionState }).from(lots).where(eq(lots.id, params.lotId));
  if (!lot?.action || lot.actionState === "COMPLETED") return "nothing to do";
  if (lot.actionState === "FAILED") {
    await ctx.db.update(lots).set({ actionState: "RUNNING", actionError: null }).where(eq(lots.id, params.lotId));
  }
  let after: string | null = null;
  let batches = 0;
  try {
    do {
      if (batches++ === params.stopAfterBatches) return "stopped";
      after = await runBatch(ctx, params.lotId, after, params.batchSize ?? 5_000);
    } while (after !== null);
    return "completed";
  } catch (error) {
    const message = failureMessage(error);
    await inTransaction(ctx, async (tx) => {
      const failed = await lockLot(tx, params.lotId);
      await tx.db.update(lots).set({ actionState: "FAILED", actionError: message }).where(eq(lots.id, params.lotId));
      await recordLotChange(tx, failed, actions[lot.action!].failed, { error: message });
    });
    throw error;
  }
}
