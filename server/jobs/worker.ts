import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { env } from "@/env";
import { createBoss } from "./boss";
import { registerMessageDelivery } from "./deliver-message";
import { registerCreditLotExpiry } from "./expire-credit-lots";
import { registerHoldExpiry } from "./expire-holds";
import { registerPassExpiry } from "./expire-passes";
import { registerLotGeneration } from "./generate-lot";
import { registerLotActions } from "./run-lot-action";
import { registerPrintingHouseWebhook } from "./printing-house-webhook";
import { registerPurgeExpiredRecords } from "./purge-expired-records";
import { registerPassesSummaryRollUp } from "./roll-up-passes-summary";
import { registerStuckPayoutSettlement } from "./settle-stuck-payouts";

/** Starts pg-boss and every job's worker; returns the boss so the caller can stop it. */
export async function startWorker(database: Database, connectionString = env.DATABASE_URL): Promise<PgBoss> {
  const boss = createBoss(database, connectionString);
  boss.on("error", (err) => console.error("pg-boss error", err));
  await boss.start();
  await registerPurgeExpiredRecords(boss, database);
  await registerLotGeneration(boss, database);
  await registerLotActions(boss, database);
  await registerPrintingHouseWebhook(boss, database);
  await registerMessageDelivery(boss, database);
  await registerPassExpiry(boss, database);
  await registerHoldExpiry(boss, database);
  await registerCreditLotExpiry(boss, database);
  await registerPassesSummaryRollUp(boss, database);
  await registerStuckPayoutSettlement(boss, database);
  return boss;
}
