import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { purgeExpiredRecords } from "@/server/domain/maintenance/purge-expired-records";
import { queues } from "./queues";

/** Daily at 03:00 UTC. */
export async function registerPurgeExpiredRecords(boss: PgBoss, database: Database) {
  await boss.createQueue(queues.purgeExpiredRecords);
  await boss.schedule(queues.purgeExpiredRecords, "0 3 * * *", {}, { tz: "UTC" });
  await boss.work(queues.purgeExpiredRecords, async () => {
    const purged = await purgeExpiredRecords({ db: database.db, actor: systemActor("cleanup job") });
    console.info("purged expired records", purged);
  });
}
