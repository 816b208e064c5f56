import { DrizzleQueryError, eq } from "drizzle-orm";
import { lots } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { emitEvent } from "../../outbox";

export type LotRow = typeof lots.$inferSelect;

/** Locks the lot: whole-lot actions, their batches and generation batches change it one at a time. */
export async function lockLot(ctx: DomainContext, lotId: string): Promise<LotRow> {
  const [lot] = await ctx.db.select().from(lots).where(eq(lots.id, lotId)).for("update");
  if (!lot) throw notFound("Lot");
  return lot;
}

/** A change of the lot in its history (audit) and to subscribers (event), with the plan and number. */
export async function recordLotChange(ctx: DomainContext, lot: LotRow, action: string, facts: Record<string, unknown>) {
  const payload = { planId: lot.planId, number: lot.number, ...facts };
  await recordAudit(ctx, { action, entityType: "lot", entityId: lot.id, after: payload });
  await emitEvent(ctx, { type: action, entityType: "lot", entityId: lot.id, payload });
}

/**
 * What the lot shows and the audit keeps of a failed background run. A failed query keeps only
 * the database's message: drizzle's own lists the parameters, e.g. a batch's code hashes, which redeem.
 */
export function failureMessage(error: unknown): string {
  const reason = error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  return reason instanceof Error ? reason.message : String(reason);
}
