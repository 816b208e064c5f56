import { eq } from "drizzle-orm";
import { currencies, type passes, type passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { queueMessage } from "../../messages/queue";
import type { MessagePurpose } from "../../messages/schemas";
import type { Recipient } from "./recipient";
import { renderTemplate } from "./template";

type Pass = typeof passes.$inferSelect;
type Plan = typeof passPlans.$inferSelect;

export interface SentMessage {
  id: string;
  channel: "EMAIL" | "SMS";
  to: string;
}

async function minorUnitsOf(ctx: DomainContext, currency: string | null): Promise<number> {
  if (!currency) return 2;
  const [row] = await ctx.db.select({ minorUnits: currencies.minorUnits }).from(currencies).where(eq(currencies.code, currency));
  return row?.minorUnits ?? 2;
}

/**
 * Queues the plan's template for the pass on each channel. `code` is the plain code, known only
 * at issue or decrypted for a re-send: it goes into the sealed message content and nowhere else.
 */
export async function queuePassMessages(
  tx: DomainContext,
  { plan, pass, code, recipient, channels, purpose }: { plan: Plan; pass: Pass; code: string; recipient: Recipient; channels: ("EMAIL" | "SMS")[]; purpose: MessagePurpose },
): Promise<SentMessage[]> {
  const rendered = renderTemplate(plan.communicationTemplate!, channels, {
    code,
    valueMinor: pass.initialValueMinor,
    currency: pass.currency,
    minorUnits: await minorUnitsOf(tx, pass.currency),
    expiresAt: pass.expiresAt,
    name: recipient.name,
  });
  const sent: SentMessage[] = [];
  for (const message of rendered) {
    const to = (message.channel === "EMAIL" ? recipient.email : recipient.phone)!;
    const { id } = await queueMessage(tx, { channel: message.channel, to, subject: message.subject, body: message.body, purpose, passId: pass.id, contactId: recipient.contactId });
    sent.push({ id, channel: message.channel, to });
  }
  return sent;
}
