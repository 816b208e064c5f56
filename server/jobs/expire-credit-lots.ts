import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { expireCreditLots } from "@/server/domain/wallet/expiry/expire-lots";
import { queues } from "./queues";

/** Hourly, a quarter past: what is left of expired credit lots moves to breakage. */
export async function registerCreditLotExpiry(boss: PgBoss, database: Database) {
  await boss.schedule(queues.expireCreditLots, "17 * * * *", {}, { tz: "UTC" });
  await boss.work(queues.expireCreditLots, async () => {
    const run = await expireCreditLots({ db: database.db, actor: systemActor("credit lot expiry job") });
    if (run.lots > 0) console.info("expired credit lots", run.lots, "minor units to breakage", run.amountMinor);
  });
}
