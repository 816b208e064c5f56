import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { expireHolds } from "@/server/domain/wallet/holds/close";
import { queues } from "./queues";

/** Every minute: holds past their expiry (default 15 minutes, D4) are released as EXPIRED. */
export async function registerHoldExpiry(boss: PgBoss, database: Database) {
  await boss.schedule(queues.expireHolds, "* * * * *", {}, { tz: "UTC" });
  await boss.work(queues.expireHolds, async () => {
    const expired = await expireHolds({ db: database.db, actor: systemActor("hold expiry job") });
    if (expired > 0) console.info("expired holds", expired);
  });
}
