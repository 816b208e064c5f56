import { and, eq } from "drizzle-orm";
import { lots } from "@/db/schema";
import type { DomainContext } from "../context";
import { DomainError } from "../errors";
import type { PassPlan } from "./plan-row";

/**
 * A plan is locked once it has passes (D5): some were issued, or a printed lot exists that makes
 * them. Then only its name, description and state change.
 */
export async function isPlanLocked(ctx: DomainContext, plan: Pick<PassPlan, "id" | "issuedCount">): Promise<boolean> {
  if (plan.issuedCount > 0) return true;
  const [printedLot] = await ctx.db
    .select({ id: lots.id })
    .from(lots)
    .where(and(eq(lots.planId, plan.id), eq(lots.kind, "PRINTED")))
    .limit(1);
  return !!printedLot;
}

export function planLocked(field: string) {
  const message = "This plan has passes: only its name, description and state can change.";
  return new DomainError("PLAN_LOCKED", message, { field, fieldErrors: { [field]: [message] } });
}
