import { eq } from "drizzle-orm";
import { passes, passPlans } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import type { DomainContext } from "../../context";
import { DomainError, notFound } from "../../errors";
import { emitEvent } from "../../outbox";

export type Pass = typeof passes.$inferSelect;
export type PassPlanRow = typeof passPlans.$inferSelect;
export type PassState = Pass["state"];

/** Locks the pass (a read-modify-write of its state or value follows) and reads its plan. */
export async function lockPass(tx: DomainContext, passId: string): Promise<{ pass: Pass; plan: PassPlanRow }> {
  const [row] = await tx.db
    .select({ pass: passes, plan: passPlans })
    .from(passes)
    .innerJoin(passPlans, eq(passPlans.id, passes.planId))
    .where(eq(passes.id, passId))
    .for("update", { of: passes });
  if (!row) throw notFound("Pass");
  return row;
}

/** Refuses a command from a state it does not leave from (D5's pass state machine). */
export function assertPassState(pass: Pass, allowed: readonly PassState[], what: string): void {
  if (allowed.includes(pass.state)) return;
  throw new DomainError("INVALID_STATE", `A ${pass.state.toLowerCase()} pass cannot be ${what}.`, { state: pass.state });
}

/**
 * What audit entries and events say about a pass: its mask and facts, never its code, code
 * hash, ciphertext or PIN hash (D5, D11).
 */
export function passSnapshot(pass: Pass) {
  return {
    passId: pass.id,
    planId: pass.planId,
    codeMask: pass.codeMask,
    state: pass.state,
    currency: pass.currency,
    initialValueMinor: pass.initialValueMinor,
    remainingValueMinor: pass.remainingValueMinor,
    usesCount: pass.usesCount,
    maxUses: pass.maxUses,
    expiresAt: pass.expiresAt,
    hasPin: pass.pinHash !== null,
    contactId: pass.contactId,
    customFields: pass.customFields,
  };
}

/** The face of a pass every command and reader returns: no secret in it. */
export type PassView = ReturnType<typeof passSnapshot>;

export interface PassChange {
  /** Both the audit action and the outbox event type, e.g. "pass.cancelled". */
  action: string;
  before: Pass;
  after: Pass;
  /** Extra facts for the audit entry and event (never a secret). */
  details?: Record<string, unknown>;
}

/** Every single-pass command is audited (D11) and announced (D9) in its transaction. */
export async function recordPassChange(tx: DomainContext, change: PassChange): Promise<void> {
  const after = { ...passSnapshot(change.after), ...change.details };
  await recordAudit(tx, { action: change.action, entityType: "pass", entityId: change.after.id, before: passSnapshot(change.before), after });
  await emitEvent(tx, { type: change.action, entityType: "pass", entityId: change.after.id, payload: after });
}

export async function updatePass(tx: DomainContext, passId: string, values: Partial<typeof passes.$inferInsert>): Promise<Pass> {
  const [after] = await tx.db.update(passes).set(values).where(eq(passes.id, passId)).returning();
  return after!;
}
