import type { Database } from "@/db";
import { env } from "@/env";
import { createBoss } from "./boss";
import { queueSettings, type QueueName } from "./queues";

/**
 * pg-boss's schema and every queue, created at start-up by whichever process comes first, so a
 * command can enqueue a job in its own transaction before any worker has run.
 */
export async function prepareJobStorage(database: Database, connectionString = env.DATABASE_URL): Promise<void> {
  const boss = createBoss(database, connectionString, { supervise: false, schedule: false });
  await boss.start();
  for (const [name, settings] of Object.entries(queueSettings) as [QueueName, (typeof queueSettings)[QueueName]][]) {
    await boss.createQueue(name, { name, ...settings });
  }
  await boss.stop({ graceful: false, wait: true });
}
