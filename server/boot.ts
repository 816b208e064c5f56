import { getDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { env } from "@/env";
import { prepareJobStorage } from "./jobs/storage";
import { getSecrets } from "./secrets";

/** Migrates, then seeds demo data on the first run (not in production unless asked). */
export async function prepareDatabase(database: Database): Promise<void> {
  getSecrets(); // fail fast on missing production secrets, before anything listens
  await migrateDatabase(database);
  await prepareJobStorage(database);
  const production = env.NODE_ENV === "production" && !!env.DATABASE_URL;
  const seed = env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === "true" : !production;
  if (seed && (await seedDemoData(database.db))) {
    console.info("Seeded demo data (see README for the demo users).");
  }
}

const globalForBoot = globalThis as unknown as { tesseraBoot?: Promise<void> };

/** Start-up of the app server: database ready, then the in-app worker unless it runs alone. */
export function bootApp(): Promise<void> {
  globalForBoot.tesseraBoot ??= (async () => {
    const database = getDatabase();
    await prepareDatabase(database);
    if (env.RUN_WORKER_IN_APP === "true") {
      const { startWorker } = await import("./jobs/worker");
      await startWorker(database);
    }
  })();
  return globalForBoot.tesseraBoot;
}
