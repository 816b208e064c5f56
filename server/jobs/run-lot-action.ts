import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { runLotAction } from "@/server/domain/passes/lots/whole-lot-actions";
import { queues } from "./queues";

/** Runs requested whole-lot actions (activate all, cancel all), one lot at a time. */
export async function registerLotActions(boss: PgBoss, database: Database) {
  await boss.work<{ lotId: string }>(queues.runLotAction, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await runLotAction({ db: database.db, actor: systemActor("whole-lot action") }, { lotId: job.data.lotId });
  });
}
