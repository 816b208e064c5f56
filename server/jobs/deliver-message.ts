import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { transportsFromEnv } from "@/server/adapters/messaging";
import { systemActor } from "@/server/domain/actor";
import { deliverMessage } from "@/server/domain/messages/deliver";
import type { DeliverMessageJob } from "@/server/domain/messages/queue";
import type { MessageTransports } from "@/server/domain/messages/transport";
import { queues } from "./queues";

/**
 * One delivery attempt per job run. A failed attempt throws, so pg-boss retries it with backoff
 * (queueSettings); the attempt that has no retry left marks the message FAILED.
 */
export async function runDeliveryJob(database: Database, transports: MessageTransports, job: PgBoss.JobWithMetadata<DeliverMessageJob>): Promise<void> {
  const ctx = { db: database.db, actor: systemActor("message delivery") };
  const outcome = await deliverMessage(ctx, transports, { messageId: job.data.messageId, finalAttempt: job.retryCount >= job.retryLimit });
  if (outcome === "RETRY") throw new Error(`Delivery of message ${job.data.messageId} failed; it will be retried.`);
}

export async function registerMessageDelivery(boss: PgBoss, database: Database) {
  const transports = transportsFromEnv();
  await boss.work<DeliverMessageJob>(queues.deliverMessage, { includeMetadata: true, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runDeliveryJob(database, transports, job);
  });
}
