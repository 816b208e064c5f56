import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { deliverPrintingHouseWebhook } from "@/server/domain/passes/lots/printing-house/webhook";
import { queues } from "./queues";

/** Announces completed printed lots; a failed delivery throws and pg-boss retries with backoff. */
export async function registerPrintingHouseWebhook(boss: PgBoss, database: Database) {
  await boss.work<{ lotId: string }>(queues.printingHouseWebhook, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await deliverPrintingHouseWebhook({ db: database.db, actor: systemActor("printing-house webhook") }, { lotId: job.data.lotId });
  });
}
