import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { systemActor } from "@/server/domain/actor";
import { settleStuckPayouts } from "@/server/domain/wallet/payouts/recover";
import { queues } from "./queues";

/** Every 5 minutes: payouts left APPROVED past the grace period (the approving process died) are settled with the provider. */
export async function registerStuckPayoutSettlement(boss: PgBoss, database: Database) {
  await boss.schedule(queues.settleStuckPayouts, "*/5 * * * *", {}, { tz: "UTC" });
  await boss.work(queues.settleStuckPayouts, async () => {
    const run = await settleStuckPayouts({ db: database.db, actor: systemActor("payout recovery job") });
    if (run.paid + run.failed + run.skipped + run.awaiting > 0) console.info("settled stuck payouts", run);
  });
}
