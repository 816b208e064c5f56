/**
 * Fault-test worker: redeems the codes listed (one per line) in the file named by argv[2], four
 * at a time, printing "redeemed <n>" after each, until killed. Runs against DATABASE_URL.
 */
import { readFileSync } from "node:fs";
import { createDatabase } from "@/db/client";
import { systemActor } from "@/server/domain/actor";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";

async function main() {
  const codes = readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean);
  const database = createDatabase({ url: process.env.DATABASE_URL, max: 4 });
  const ctx = { db: database.db, actor: systemActor("fault-test") };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < codes.length) {
      const code = codes[next++]!;
      await redeemPass(ctx, { code, terminalId: "FAULT" });
      done++;
      process.stdout.write(`redeemed ${done}\n`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await database.close();
}

void main();
