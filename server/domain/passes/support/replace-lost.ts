import { eq, sql } from "drizzle-orm";
import { contacts, passPlans, type CommunicationTemplate } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import { assertPassState, lockPass, passSnapshot, recordPassChange, updatePass, type Pass, type PassPlanRow, type PassView } from "../actions/pass-row";
import { insertWithFreshCode, issuedPassView, type IssuedPass } from "../issue/issue-electronic";
import { newPassRow } from "../issue/new-pass-row";
import { ensureOnDemandLot } from "../issue/on-demand-lot";
import { deliveryChannels, resolveRecipient } from "../issue/recipient";
import { queuePassMessages } from "../issue/send";
import type { ReplaceLostPassInput } from "./schemas";

export interface LostPassReplaced {
  cancelled: PassView;
  replacement: IssuedPass;
}

/** A printed plan has no message template: its replacement code goes to the contact by email. */
const printedReplacementTemplate: CommunicationTemplate = {
  channels: ["EMAIL"],
  emailSubject: "Your replacement gift pass",
  emailBody: "Hello {{name}},\n\nyour lost gift pass was replaced. Your new code {{code}} is worth {{value}}, valid until: {{expiry}}.",
};

/** Only an ACTIVE gift pass of a registered contact with value left is replaced. */
async function assertReplaceable(tx: DomainContext, pass: Pass, plan: PassPlanRow) {
  if (plan.type !== "GIFT") throw new DomainError("BUSINESS_RULE", "Only a gift pass can be replaced when lost.");
  assertPassState(pass, ["ACTIVE"], "replaced");
  if (!pass.remainingValueMinor || pass.remainingValueMinor <= 0) throw new DomainError("BUSINESS_RULE", "The pass has no value left to replace.");
  const [owner] = pass.contactId ? await tx.db.select({ kind: contacts.kind }).from(contacts).where(eq(contacts.id, pass.contactId)) : [];
  if (owner?.kind !== "registered") throw new DomainError("BUSINESS_RULE", "Only a pass of a registered contact can be replaced: the new pass goes to that contact.");
}

/**
 * Replaces a lost gift pass (D5 support flow) in one transaction: the old pass is CANCELLED and a
 * new ACTIVE pass with its remaining value and uses, the same expiry and contact, and
 * `replacesPassId` = the old pass, is issued into the plan's on-demand lot and its code sent to
 * the contact (the plan's template; a printed plan's by email). No money moves: the value stays
 * in the plan's pass liability until the new pass is redeemed.
 */
export function replaceLostPass(ctx: DomainContext, input: ReplaceLostPassInput): Promise<LostPassReplaced> {
  return inTransaction(ctx, async (tx) => {
    const { pass, plan } = await lockPass(tx, input.passId);
    await assertReplaceable(tx, pass, plan);
    const recipient = await resolveRecipient(tx, pass.contactId!, undefined);
    const template = plan.distribution === "ELECTRONIC" ? plan.communicationTemplate : printedReplacementTemplate;
    if (plan.distribution === "PRINTED" && !recipient.email) throw invalidField("passId", "The contact has no email address to send the new code to.");
    const channels = deliveryChannels(template, recipient);

    const cancelled = await updatePass(tx, pass.id, { state: "CANCELLED", cancelledAt: new Date() });
    // Counting the replacement also locks the plan row, which ensureOnDemandLot relies on.
    await tx.db.update(passPlans).set({ issuedCount: sql`${passPlans.issuedCount} + 1` }).where(eq(passPlans.id, plan.id));
    const lot = await ensureOnDemandLot(tx, plan.id);
    const issuedAt = new Date();
    const { pass: replacement, code } = await insertWithFreshCode(tx, plan, (c) => ({
      ...newPassRow(plan, lot, c, {
        state: "ACTIVE",
        issuedAt,
        valueMinor: pass.remainingValueMinor,
        contactId: pass.contactId,
        recipientEmail: recipient.email,
        recipientPhone: recipient.phone,
        recipientName: recipient.name,
        replacesPassId: pass.id,
      }),
      maxUses: pass.maxUses - pass.usesCount,
      expiresAt: pass.expiresAt,
      customFields: pass.customFields,
    }));
    const messages = await queuePassMessages(tx, { plan: { ...plan, communicationTemplate: template }, pass: replacement, code, recipient, channels, purpose: "PASS_DELIVERY" });
    const view = issuedPassView(replacement, messages);
    await recordPassChange(tx, { action: "pass.cancelled", before: pass, after: cancelled, details: { reason: input.reason, replacedByPassId: replacement.id } });
    await recordPassChange(tx, {
      action: "pass.replaced",
      before: pass,
      after: replacement,
      details: { replacesPassId: pass.id, reason: input.reason, channels },
    });
    return { cancelled: passSnapshot(cancelled), replacement: view };
  });
}
