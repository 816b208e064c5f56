import { messages } from "@/db/schema";
import { queues } from "@/server/jobs/queues";
import { inTransaction, type DomainContext } from "../context";
import { newId } from "../ids";
import { enqueueJob } from "../job-queue";
import { sealContent } from "./content";
import type { MessageChannel, MessagePurpose } from "./schemas";

export interface QueueMessageParams {
  channel: MessageChannel;
  /** Email address or phone number. */
  to: string;
  /** Email only. */
  subject?: string | null;
  body: string;
  purpose: MessagePurpose;
  passId?: string | null;
  contactId?: string | null;
}

/** Payload of a delivery job: only the id, so no job row ever holds the content. */
export interface DeliverMessageJob {
  messageId: string;
}

/**
 * Logs a message (content sealed) and enqueues its delivery in the caller's transaction: the
 * message is sent iff the command that wrote it commits, and never while its locks are held.
 */
export function queueMessage(ctx: DomainContext, params: QueueMessageParams): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.db.insert(messages).values({
      id,
      channel: params.channel,
      purpose: params.purpose,
      recipient: params.to,
      contentCiphertext: sealContent({ subject: params.channel === "EMAIL" ? (params.subject ?? null) : null, body: params.body }),
      passId: params.passId ?? null,
      contactId: params.contactId ?? null,
    });
    const job: DeliverMessageJob = { messageId: id };
    await enqueueJob(tx, queues.deliverMessage, { ...job });
    return { id };
  });
}
