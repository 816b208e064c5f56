import { getDatabase } from "@/db";
import { env } from "@/env";
import { prepareDatabase } from "@/server/boot";
import { startWorker } from "./worker";

/** `npm run worker`: the background worker as its own process (set RUN_WORKER_IN_APP=false in the app). */
async function main() {
  if (!env.DATABASE_URL) {
    console.error("A separate worker needs DATABASE_URL: the embedded database admits one process, the app.");
    process.exit(1);
  }
  const database = getDatabase();
  await prepareDatabase(database);
  const boss = await startWorker(database);
  console.info("worker started");
  const stop = async () => {
    await boss.stop({ graceful: true });
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
