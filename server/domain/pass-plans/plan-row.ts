import { eq } from "drizzle-orm";
import { passPlans } from "@/db/schema";
import { recordAudit } from "../audit/record";
import type { DomainContext } from "../context";
import { notFound } from "../errors";
import { emitEvent } from "../outbox";

/** A pass plan as stored; it holds no secret (a universal code lives only in its pass). */
export type PassPlan = typeof passPlans.$inferSelect;

export async function findPlan(ctx: DomainContext, id: string): Promise<PassPlan> {
  const [plan] = await ctx.db.select().from(passPlans).where(eq(passPlans.id, id));
  if (!plan) throw notFound("Pass plan");
  return plan;
}

/** Locks the plan row for a read-modify-write of its settings or state. */
export async function lockPlan(tx: DomainContext, id: string): Promise<PassPlan> {
  const [plan] = await tx.db.select().from(passPlans).where(eq(passPlans.id, id)).for("update");
  if (!plan) throw notFound("Pass plan");
  return plan;
}

export interface PlanChange {
  /** Both the audit action and the outbox event type, e.g. "pass_plan.created". */
  action: string;
  plan: PassPlan;
  before?: PassPlan;
  /** Extra facts for event consumers (e.g. the first lot of an activated printed plan). */
  payload?: Record<string, unknown>;
}

/** Every plan command is audited (D11) and announced (D9) in its transaction. */
export async function recordPlanChange(tx: DomainContext, change: PlanChange): Promise<void> {
  await recordAudit(tx, { action: change.action, entityType: "pass_plan", entityId: change.plan.id, before: change.before, after: change.plan });
  await emitEvent(tx, {
    type: change.action,
    entityType: "pass_plan",
    entityId: change.plan.id,
    payload: { planId: change.plan.id, type: change.plan.type, distribution: change.plan.distribution, state: change.plan.state, ...change.payload },
  });
}
