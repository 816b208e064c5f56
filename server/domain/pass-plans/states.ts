import { eq } from "drizzle-orm";
import { lots, passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { requestLotGeneration } from "../passes/lots/request";
import type { PassPlanState } from "./kinds";
import { lockPlan, recordPlanChange, type PassPlan } from "./plan-row";
import type { PassPlanIdInput } from "./schemas";
import { settingsOf } from "./settings";
import { activateUniversalPass, hasUniversalCode } from "./universal-code";
import { assertPlanSettings } from "./validation";

/**
 * Payload of the `pass_plan.activated` outbox event. For a printed plan's first activation it
 * names the first lot, written in the same transaction as PENDING, which lot generation picks up.
 */
export interface PassPlanActivatedPayload {
  planId: string;
  reactivated: boolean;
  firstLot: { id: string; number: 1; quantity: number } | null;
}

/** The plan state machine of D5: which states each command leaves from. */
const allowedFrom = {
  activate: ["DRAFT", "INACTIVE"],
  deactivate: ["ACTIVE"],
} as const satisfies Record<string, readonly PassPlanState[]>;

function assertTransition(plan: PassPlan, command: keyof typeof allowedFrom, to: PassPlanState) {
  if ((allowedFrom[command] as readonly PassPlanState[]).includes(plan.state)) return;
  const message = plan.state === to ? `The plan is already ${to.toLowerCase()}.` : `A ${plan.state.toLowerCase()} plan cannot be ${command}d.`;
  throw new DomainError("INVALID_STATE", message, { state: plan.state });
}

async function setState(tx: DomainContext, id: string, state: PassPlanState, issuedCount?: number): Promise<PassPlan> {
  const [after] = await tx.db.update(passPlans).set({ state, issuedCount }).where(eq(passPlans.id, id)).returning();
  return after!;
}

/** Queues the first printed lot of the plan (generation itself runs in the background). */
async function createFirstLot(tx: DomainContext, plan: PassPlan): Promise<PassPlanActivatedPayload["firstLot"]> {
  const quantity = plan.quantity!;
  const [lot] = await tx.db
    .insert(lots)
    .values({ id: newId(), planId: plan.id, number: 1, kind: "PRINTED", quantity, generationState: "PENDING" })
    .onConflictDoNothing()
    .returning({ id: lots.id });
  if (lot) await requestLotGeneration(tx, lot.id);
  return lot ? { id: lot.id, number: 1, quantity } : null;
}

/**
 * DRAFT → ACTIVE (settings re-checked: a date may have passed since) or INACTIVE → ACTIVE.
 * A printed plan's first activation queues its first lot; a single-code promotion's activates its pass.
 */
export function activatePassPlan(ctx: DomainContext, input: PassPlanIdInput): Promise<PassPlan> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockPlan(tx, input.id);
    assertTransition(before, "activate", "ACTIVE");
    const now = new Date();
    const reactivated = before.state === "INACTIVE";
    if (!reactivated) assertPlanSettings(settingsOf(before), now);
    const universalActivated = hasUniversalCode(before) && (await activateUniversalPass(tx, before, now));
    const firstLot = before.distribution === "PRINTED" && !reactivated ? await createFirstLot(tx, before) : null;
    const after = await setState(tx, before.id, "ACTIVE", universalActivated ? 1 : undefined);
    const payload: PassPlanActivatedPayload = { planId: after.id, reactivated, firstLot };
    await recordPlanChange(tx, { action: "pass_plan.activated", plan: after, before, payload: { ...payload } });
    return after;
  });
}

/** ACTIVE → INACTIVE: no new passes; existing passes keep working. */
export function deactivatePassPlan(ctx: DomainContext, input: PassPlanIdInput): Promise<PassPlan> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockPlan(tx, input.id);
    assertTransition(before, "deactivate", "INACTIVE");
    const after = await setState(tx, before.id, "INACTIVE");
    await recordPlanChange(tx, { action: "pass_plan.deactivated", plan: after, before });
    return after;
  });
}
