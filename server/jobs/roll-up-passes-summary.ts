import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { rollUpPassesSummary } from "@/server/domain/reports/passes-summary/roll-up";
import { queues } from "./queues";

/**
 * Every minute: the Passes Summary's pending deltas are rolled up, so its totals add at most a
 * minute or so of changes to the pre-aggregated rows.
 */
export async function registerPassesSummaryRollUp(boss: PgBoss, database: Database) {
  await boss.schedule(queues.rollUpPassesSummary, "* * * * *", {}, { tz: "UTC" });
  await boss.work(queues.rollUpPassesSummary, async () => {
    await rollUpPassesSummary({ db: database.db, actor: systemActor("passes summary roll-up job") });
  });
}
