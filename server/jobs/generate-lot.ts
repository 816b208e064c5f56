import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { generateLot } from "@/server/domain/passes/lots/generate";
import { queues } from "./queues";

/** Generates requested lots one at a time (each already uses every core for its crypto). */
export async function registerLotGeneration(boss: PgBoss, database: Database) {
  await boss.work<{ lotId: string }>(queues.generateLot, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    await generateLot({ db: database.db, actor: systemActor("lot generation") }, { lotId: job.data.lotId });
  });
}
