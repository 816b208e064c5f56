import { eq, max, sum } from "drizzle-orm";
import { lots, passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField, notFound } from "../../errors";
import { newId } from "../../ids";
import { lockLot, recordLotChange } from "./lot-changes";
import { getLot, type LotDetail } from "./read";
import { requestLotGeneration } from "./request";
import type { CreateLotInput, LotIdInput } from "./schemas";

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
