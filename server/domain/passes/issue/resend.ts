import { and, count, eq, gt } from "drizzle-orm";
import { domainEvents } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { assertPassState, lockPass, recordPassChange, updatePass, type Pass } from "../actions/pass-row";
import { decryptCode } from "../codes/secrecy";
import { issuedPassView, type IssuedPass } from "./issue-electronic";
import { deliveryChannels, resolveRecipient, type Recipient } from "./recipient";
import { resendLimitPerHour, type ResendEgiftInput } from "./schemas";
import { queuePassMessages } from "./send";

const hourMs = 60 * 60 * 1000;

/** Re-sends of the pass in the last hour, counted from its `pass.resent` events. */
async function recentResends(tx: DomainContext, passId: string, now: Date): Promise<number> {
  const [row] = await tx.db
    .select({ value: count() })
    .from(domainEvents)
    .where(and(eq(domainEvents.entityType, "pass"), eq(domainEvents.entityId, passId), eq(domainEvents.type, "pass.resent"), gt(domainEvents.occurredAt, new Date(now.getTime() - hourMs))));
  return row?.value ?? 0;
}

const recipientOf = (pass: Pass): Recipient => ({ contactId: pass.contactId, email: pass.recipientEmail, phone: pass.recipientPhone, name: pass.recipientName });

const sameRecipient = (a: Recipient, b: Recipient) => a.email === b.email && a.phone === b.phone && a.name === b.name;

/**
 * Support re-sends an eGift (D5): the same code, decrypted for this moment only, to the pass's
 * recipient or a corrected one (stored on the pass and audited), at most 3 times per hour. The
 * pass row lock serializes re-sends of one pass, so concurrent clicks cannot pass the limit.
 */
export function resendEgift(ctx: DomainContext, input: ResendEgiftInput): Promise<IssuedPass> {
  return inTransaction(ctx, async (tx) => {
    const { pass: before, plan } = await lockPass(tx, input.passId);
    if (plan.distribution !== "ELECTRONIC") throw new DomainError("BUSINESS_RULE", "Only electronic passes are sent by message; a printed pass cannot be re-sent.");
    assertPassState(before, ["ACTIVE"], "re-sent");
    const now = new Date();
    if ((await recentResends(tx, before.id, now)) >= resendLimitPerHour) {
      throw new DomainError("LIMIT_EXCEEDED", `This pass was already re-sent ${resendLimitPerHour} times in the last hour. Try again later.`, { limitPerHour: resendLimitPerHour });
    }
    const original = recipientOf(before);
    const given = input.recipient;
    const recipient: Recipient = {
      contactId: before.contactId,
      email: given?.email ?? original.email,
      phone: given?.phone ?? original.phone,
      name: given?.name ?? original.name,
    };
    const target = recipient.email || recipient.phone ? recipient : await resolveRecipient(tx, before.contactId ?? undefined, given);
    const channels = deliveryChannels(plan.communicationTemplate, target);
    const corrected = !sameRecipient(original, target);
    const after = corrected ? await updatePass(tx, before.id, { recipientEmail: target.email, recipientPhone: target.phone, recipientName: target.name }) : before;
    const messages = await queuePassMessages(tx, { plan, pass: after, code: decryptCode(after.codeCiphertext), recipient: target, channels, purpose: "PASS_RESEND" });
    await recordPassChange(tx, {
      action: "pass.resent",
      before,
      after,
      details: {
        channels,
        messageIds: messages.map((m) => m.id),
        recipientCorrected: corrected,
        ...(corrected ? { recipientBefore: { email: original.email, phone: original.phone, name: original.name }, recipientAfter: { email: target.email, phone: target.phone, name: target.name } } : {}),
      },
    });
    return issuedPassView(after, messages);
  });
}
