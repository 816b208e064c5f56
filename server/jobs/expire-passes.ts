import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { expirePasses } from "@/server/domain/passes/expiry/expire-passes";
import { queues } from "./queues";

/** Hourly, a few minutes past the hour: passes whose validity passed become EXPIRED. */
export async function registerPassExpiry(boss: PgBoss, database: Database) {
  await boss.schedule(queues.expirePasses, "7 * * * *", {}, { tz: "UTC" });
  await boss.work(queues.expirePasses, async () => {
    const expired = await expirePasses({ db: database.db, actor: systemActor("pass expiry job") });
    if (expired > 0) console.info("expired passes", expired);
  });
}
