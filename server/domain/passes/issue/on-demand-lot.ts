import { and, eq, max } from "drizzle-orm";
import { lots } from "@/db/schema";
import type { DomainContext } from "../../context";
import { newId } from "../../ids";

/**
 * The plan's open-ended lot for single passes, created on first issue. Callers hold the plan row
 * lock, so two first issues cannot both create one.
 */
export async function ensureOnDemandLot(tx: DomainContext, planId: string): Promise<{ id: string }> {
  const [existing] = await tx.db.select({ id: lots.id }).from(lots).where(and(eq(lots.planId, planId), eq(lots.kind, "ON_DEMAND"))).limit(1);
  if (existing) return existing;
  const [last] = await tx.db.select({ number: max(lots.number) }).from(lots).where(eq(lots.planId, planId));
  const [created] = await tx.db
    .insert(lots)
    .values({ id: newId(), planId, number: (last?.number ?? 0) + 1, kind: "ON_DEMAND", generationState: "COMPLETED" })
    .returning({ id: lots.id });
  return created!;
}
