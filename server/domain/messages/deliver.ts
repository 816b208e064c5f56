import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { notFound } from "../errors";
import { emitEvent } from "../outbox";
import { openContent } from "./content";
import type { MessageTransports } from "./transport";

export interface DeliverMessageParams {
  messageId: string;
  /** No retry follows this attempt: a failure makes the message FAILED. */
  finalAttempt: boolean;
}

export type DeliveryOutcome = "SENT" | "RETRY" | "FAILED" | "SKIPPED";

/** Transport errors are kept short; they name the carrier's refusal, never the content. */
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * One delivery attempt. The message is read without a lock and the carrier is called outside any
 * transaction (ARCHITECTURE: no lock across an external call); the job queue runs one attempt per
 * message at a time. Each attempt is counted; a message already SENT or FAILED is left alone.
 */
export async function deliverMessage(ctx: DomainContext, transports: MessageTransports, params: DeliverMessageParams): Promise<DeliveryOutcome> {
  const [message] = await ctx.db.select().from(messages).where(eq(messages.id, params.messageId));
  if (!message) throw notFound("Message");
  if (message.status !== "QUEUED") return "SKIPPED";
  const attempts = message.attempts + 1;
  const now = new Date();
  try {
    const { subject, body } = openContent(message.contentCiphertext);
    await transports[message.channel]({ id: message.id, channel: message.channel, to: message.recipient, subject, body });
  } catch (err) {
    const status = params.finalAttempt ? "FAILED" : "QUEUED";
    await inTransaction(ctx, async (tx) => {
      await tx.db.update(messages).set({ status, attempts, lastError: errorText(err), lastAttemptAt: now }).where(eq(messages.id, message.id));
      if (status === "FAILED") {
        await emitEvent(tx, { type: "message.failed", entityType: "message", entityId: message.id, payload: { passId: message.passId, channel: message.channel, purpose: message.purpose, attempts } });
      }
    });
    return params.finalAttempt ? "FAILED" : "RETRY";
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(messages).set({ status: "SENT", attempts, lastError: null, lastAttemptAt: now, sentAt: now }).where(eq(messages.id, message.id));
    const facts = { messageId: message.id, channel: message.channel, purpose: message.purpose };
    await emitEvent(
      tx,
      message.passId && message.purpose !== "OTP"
        ? { type: "pass.sent", entityType: "pass", entityId: message.passId, payload: facts }
        : { type: "message.sent", entityType: "message", entityId: message.id, payload: facts },
    );
  });
  return "SENT";
}
