import { and, eq } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import type { DomainContext } from "../../context";
import { DomainError, notFound } from "../../errors";
import { emitEvent } from "../../outbox";
import { payoutView, type PayoutRow } from "./view";

type PayoutState = PayoutRow["state"];

/**
 * Moves a payout from one state to the next with a conditional update: a second decision (or a
 * second settlement of the same approval) finds nothing to change and gets INVALID_STATE.
 */
export async function transition(ctx: DomainContext, payoutId: string, from: PayoutState, set: Partial<PayoutRow>): Promise<PayoutRow> {
  const [row] = await ctx.db
    .update(payoutRequests)
    .set(set)
    .where(and(eq(payoutRequests.id, payoutId), eq(payoutRequests.state, from)))
    .returning();
  if (row) return row;
  const [current] = await ctx.db.select({ state: payoutRequests.state }).from(payoutRequests).where(eq(payoutRequests.id, payoutId));
  if (!current) throw notFound("Payout request");
  throw new DomainError("INVALID_STATE", `This payout is ${current.state.toLowerCase()}, not ${from.toLowerCase()}.`, { state: current.state });
}

/** The payout's audit entry and event for a step (`payout.<action>`), in the step's transaction. */
export async function recordPayoutStep(ctx: DomainContext, action: string, row: PayoutRow) {
  const view = payoutView(row);
  await recordAudit(ctx, { action: `payout.${action}`, entityType: "payout", entityId: row.id, after: view });
  await emitEvent(ctx, { type: `payout.${action}`, entityType: "payout", entityId: row.id, payload: view });
}
