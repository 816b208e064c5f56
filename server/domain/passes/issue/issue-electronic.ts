import { and, eq, lt, sql } from "drizzle-orm";
import { passes, passPlans } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, notFound } from "../../errors";
import { emitEvent } from "../../outbox";
import { validCustomFieldValues } from "../../pass-plans/custom-field-values";
import type { PassPlan } from "../../pass-plans/plan-row";
import { hasUniversalCode } from "../../pass-plans/universal-code";
import { passValueFor } from "../../pass-plans/value";
import { passSnapshot, type Pass } from "../actions/pass-row";
import { generateCode } from "../codes/generate";
import { newPassRow } from "./new-pass-row";
import { ensureOnDemandLot } from "./on-demand-lot";
import { deliveryChannels, resolveRecipient, type Recipient } from "./recipient";
import type { IssueElectronicPassInput } from "./schemas";
import { queuePassMessages, type SentMessage } from "./send";

/** Fresh draws after a code-hash collision; with the code space guard one is already rare. */
const maxCodeDraws = 5;

/** What issuing answers: the pass's face (masked code only) and the messages queued for it. */
export function issuedPassView(pass: Pass, messages: SentMessage[]) {
  return {
    ...passSnapshot(pass),
    recipientEmail: pass.recipientEmail,
    recipientPhone: pass.recipientPhone,
    recipientName: pass.recipientName,
    issuedAt: pass.issuedAt,
    messages,
  };
}
export type IssuedPass = ReturnType<typeof issuedPassView>;

/**
 * Counts the pass against the plan in one conditional update, which also locks the plan row for
 * the rest of the issue (on-demand lot creation). No row: the plan is missing, not an active
 * electronic plan, or full; the plan is read again to say which.
 */
async function countIssue(tx: DomainContext, planId: string): Promise<PassPlan> {
  const [plan] = await tx.db
    .update(passPlans)
    .set({ issuedCount: sql`${passPlans.issuedCount} + 1` })
    .where(and(eq(passPlans.id, planId), eq(passPlans.state, "ACTIVE"), eq(passPlans.distribution, "ELECTRONIC"), lt(passPlans.issuedCount, passPlans.maxPasses)))
    .returning();
  if (plan) return plan;
  const [current] = await tx.db.select().from(passPlans).where(eq(passPlans.id, planId));
  if (!current) throw notFound("Pass plan");
  if (current.distribution !== "ELECTRONIC") throw new DomainError("BUSINESS_RULE", "Printed plans make their passes in lots; only electronic plans issue single passes.");
  if (current.state !== "ACTIVE") throw new DomainError("INVALID_STATE", `The plan is ${current.state.toLowerCase()}: only an active plan issues passes.`, { state: current.state });
  throw new DomainError("BUSINESS_RULE", `The plan has issued its maximum of ${current.maxPasses} passes.`, { maxPasses: current.maxPasses });
}

/** A new pass with a fresh code; a code already taken anywhere in the business is redrawn. */
export async function insertWithFreshCode(tx: DomainContext, plan: PassPlan, build: (code: string) => typeof passes.$inferInsert): Promise<{ pass: Pass; code: string }> {
  for (let draw = 0; draw < maxCodeDraws; draw++) {
    const code = generateCode(plan.passcodeFormat);
    const [pass] = await tx.db.insert(passes).values(build(code)).onConflictDoNothing({ target: passes.codeHash }).returning();
    if (pass) return { pass, code };
  }
  throw new Error(`No free code after ${maxCodeDraws} draws for plan ${plan.id}: its code space is exhausted.`);
}

/**
 * Issues one electronic pass (D5): ACTIVE at once, in the plan's on-demand lot, with the value
 * chosen inside a variable plan's range, and its code sent by the plan's template to the
 * contact or recipient. The plain code exists only in memory and in the sealed messages.
 */
export function issueElectronicPass(ctx: DomainContext, input: IssueElectronicPassInput): Promise<IssuedPass> {
  return inTransaction(ctx, async (tx) => {
    const plan = await countIssue(tx, input.planId);
    if (hasUniversalCode(plan)) throw new DomainError("BUSINESS_RULE", "A single-code promotion has one universal code: it issues no passes.");
    const valueMinor = passValueFor(plan, input.valueMinor);
    const recipient: Recipient = await resolveRecipient(tx, input.contactId, input.recipient);
    const channels = deliveryChannels(plan.communicationTemplate, recipient);
    const customFields = input.customFields ? await validCustomFieldValues(tx, { ...plan.customFields, ...input.customFields }) : plan.customFields;
    const lot = await ensureOnDemandLot(tx, plan.id);
    const issuedAt = new Date();
    const { pass, code } = await insertWithFreshCode(tx, plan, (c) => ({
      ...newPassRow(plan, lot, c, {
        state: "ACTIVE",
        issuedAt,
        valueMinor,
        contactId: recipient.contactId,
        recipientEmail: recipient.email,
        recipientPhone: recipient.phone,
        recipientName: recipient.name,
      }),
      customFields,
    }));
    const messages = await queuePassMessages(tx, { plan, pass, code, recipient, channels, purpose: "PASS_DELIVERY" });
    const view = issuedPassView(pass, messages);
    await recordAudit(tx, { action: "pass.issued", entityType: "pass", entityId: pass.id, after: view });
    await emitEvent(tx, { type: "pass.issued", entityType: "pass", entityId: pass.id, payload: { ...passSnapshot(pass), type: plan.type, distribution: plan.distribution, channels } });
    return view;
  });
}
