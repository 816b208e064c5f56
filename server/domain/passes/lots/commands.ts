import { eq, max, sql, sum } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { lots, passPlans } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField, notFound } from "../../errors";
import { newId } from "../../ids";
import { emitEvent } from "../../outbox";
import { getLot, type LotDetail } from "./read";
import { requestLotGeneration } from "./request";
import type { CreateLotInput, LotIdInput } from "./schemas";

type LotRow = typeof lots.$inferSelect;

async function lockLot(ctx: DomainContext, lotId: string): Promise<LotRow> {
  // Locks the lot: whole-lot actions and generation batches change it one at a time.
  const [lot] = await ctx.db.select().from(lots).where(eq(lots.id, lotId)).for("update");
  if (!lot) throw notFound("Lot");
  return lot;
}

async function recordLotChange(ctx: DomainContext, lot: LotRow, action: string, facts: Record<string, unknown>) {
  const payload = { planId: lot.planId, number: lot.number, ...facts };
  await recordAudit(ctx, { action, entityType: "lot", entityId: lot.id, after: payload });
  await emitEvent(ctx, { type: action, entityType: "lot", entityId: lot.id, payload });
}

/** Generates another lot of an ACTIVE printed plan, within the passes the plan may ever issue. */
export async function createLot(ctx: DomainContext, input: CreateLotInput): Promise<LotDetail> {
  const lotId = await inTransaction(ctx, async (tx) => {
    // Locks the plan so two new lots cannot both claim its last free passes.
    const [plan] = await tx.db.select().from(passPlans).where(eq(passPlans.id, input.planId)).for("update");
    if (!plan) throw notFound("Pass plan");
    if (plan.distribution !== "PRINTED") {
      throw new DomainError("BUSINESS_RULE", "Only printed plans have lots; electronic passes are issued one at a time.");
    }
    if (plan.state !== "ACTIVE") throw new DomainError("INVALID_STATE", "Lots can be generated only for an active plan.");
    const [planned] = await tx.db
      .select({ passes: sum(lots.quantity).mapWith(Number), lastNumber: max(lots.number) })
      .from(lots)
      .where(eq(lots.planId, plan.id));
    const free = plan.maxPasses - (planned?.passes ?? 0);
    if (input.quantity > free) {
      throw invalidField("quantity", free > 0 ? `This plan may issue only ${free.toLocaleString("en")} more passes.` : "This plan has issued all the passes it may.");
    }
    const [lot] = await tx.db
      .insert(lots)
      .values({ id: newId(), planId: plan.id, number: (planned?.lastNumber ?? 0) + 1, kind: "PRINTED", quantity: input.quantity })
      .returning();
    await recordLotChange(tx, lot!, "lot.created", { quantity: input.quantity });
    await requestLotGeneration(tx, lot!.id);
    return lot!.id;
  });
  return getLot(ctx, { lotId });
}

/** Hands a FAILED lot back to the worker, which resumes after the last written batch. */
export async function retryLotGeneration(ctx: DomainContext, input: LotIdInput): Promise<LotDetail> {
  await inTransaction(ctx, async (tx) => {
    const lot = await lockLot(tx, input.lotId);
    if (lot.generationState !== "FAILED") throw new DomainError("INVALID_STATE", "Only a lot whose generation failed can be retried.");
    await tx.db.update(lots).set({ generationState: "PENDING", generationError: null }).where(eq(lots.id, lot.id));
    await recordLotChange(tx, lot, "lot.generation_retried", { generatedCount: lot.generatedCount });
    await requestLotGeneration(tx, lot.id);
  });
  return getLot(ctx, input);
}

function assertWholeLotAction(lot: LotRow) {
  if (lot.kind !== "PRINTED") throw new DomainError("BUSINESS_RULE", "Whole-lot actions apply to printed lots only.");
  if (lot.generationState !== "COMPLETED") {
    throw new DomainError("INVALID_STATE", "Wait until the lot has been generated completely.");
  }
}

/** One set-based UPDATE of the lot's passes in the given states; returns how many changed. */
async function changeLotPasses(ctx: DomainContext, lotId: string, from: readonly ("DRAFT" | "ACTIVE")[], to: "ACTIVE" | "CANCELLED") {
  const stamp = to === "ACTIVE" ? sql.raw("activated_at") : sql.raw("cancelled_at");
  const result = await ctx.db.execute(sql`
    with changed as (
      update passes set state = ${to}::pass_state, ${stamp} = now(), updated_at = now()
      where lot_id = ${lotId}::uuid and state in (${sql.join(from.map((s) => sql`${s}::pass_state`), sql`, `)})
      returning 1
    )
    select count(*)::int as count from changed`);
  return rowsOf<{ count: number }>(result)[0]?.count ?? 0;
}

/** Activates every DRAFT pass of a lot (after the printed cards were cross-checked, D5). */
export async function activateLot(ctx: DomainContext, input: LotIdInput): Promise<LotDetail> {
  await inTransaction(ctx, async (tx) => {
    const lot = await lockLot(tx, input.lotId);
    assertWholeLotAction(lot);
    const activated = await changeLotPasses(tx, lot.id, ["DRAFT"], "ACTIVE");
    if (activated === 0) throw new DomainError("INVALID_STATE", "This lot has no passes in draft to activate.");
    await recordLotChange(tx, lot, "lot.activated", { activated });
  });
  return getLot(ctx, input);
}

/** Cancels every DRAFT or ACTIVE pass of a lot; redeemed and expired passes keep their state. */
export async function cancelLot(ctx: DomainContext, input: LotIdInput): Promise<LotDetail> {
  await inTransaction(ctx, async (tx) => {
    const lot = await lockLot(tx, input.lotId);
    assertWholeLotAction(lot);
    const cancelled = await changeLotPasses(tx, lot.id, ["DRAFT", "ACTIVE"], "CANCELLED");
    if (cancelled === 0) throw new DomainError("INVALID_STATE", "This lot has no draft or active passes to cancel.");
    await recordLotChange(tx, lot, "lot.cancelled", { cancelled });
  });
  return getLot(ctx, input);
}

