/**
 * Generates a printed lot of N passes (default 1,000,000) on a fresh database of the local
 * PostgreSQL, end to end as the worker does it (crypto on worker threads, batched inserts), then
 * times the lot page's first page.
 * Run: npx tsx bench/lot-generation.ts [count] [--keep]
 * Admin URL: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { availableParallelism, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { databaseCpu, databaseCpuSince } from "./database-cpu";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { activateLot, runLotAction } from "@/server/domain/passes/lots/whole-lot-actions";
import { generateLot } from "@/server/domain/passes/lots/generate";
import { listLotPasses } from "@/server/domain/passes/lots/read";
import { activePrintedPlan } from "@/server/domain/passes/lots/test-fixtures";
import { prepareJobStorage } from "@/server/jobs/storage";

const count = Number(process.argv[2] ?? 1_000_000);
const keep = process.argv.includes("--keep");
const adminUrl =
  process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const ms = (from: bigint) => `${(seconds(from) * 1000).toFixed(1)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const load = () => loadavg()[0]!.toFixed(1);

async function main() {
  const name = `tessera_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), max: 4 });
  try {
    await migrateDatabase(database);
    await prepareJobStorage(database, url.toString());
    const ctx: DomainContext = { db: database.db, actor: systemActor("benchmark") };
    const { lot } = await activePrintedPlan(ctx, { quantity: count });
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;

    const loadBefore = load();
    const dbBefore = await databaseCpu(admin, name);
    const nodeBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    await generateLot(ctx, { lotId: lot.id });
    const total = seconds(start);
    const peak = peakRss;
    const nodeCpu = process.cpuUsage(nodeBefore);
    const dbCpu = databaseCpuSince(dbBefore, await databaseCpu(admin, name));

    console.log(
      `lot of ${count.toLocaleString("en")} passes, node ${process.version}, database ${name}`,
    );
    console.log(`  total         ${total.toFixed(2)} s`);
    console.log(`  throughput    ${Math.round(count / total).toLocaleString("en")} passes/s`);
    console.log(`  peak RSS      ${mb(peak)} (before generation ${mb(rssBefore)})`);
    console.log(
      `  CPU           node ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s (all threads), database ${dbCpu === null ? "n/a" : `${dbCpu.toFixed(1)} s`}`,
    );
    console.log(
      `  load average  ${loadBefore} before, ${load()} after (${availableParallelism()} cores)`,
    );

    await database.db.execute(sql`analyze passes`);
    for (const round of ["first", "second"]) {
      const t = process.hrtime.bigint();
      const page = await listLotPasses(ctx, { lotId: lot.id, limit: 50 });
      console.log(
        `  lot page, first page (${round} call)       ${ms(t)} (${page.rows.length} rows)`,
      );
    }
    const first = await listLotPasses(ctx, { lotId: lot.id, limit: 50 });
    let t = process.hrtime.bigint();
    await listLotPasses(ctx, { lotId: lot.id, limit: 50, after: first.nextCursor! });
    console.log(`  lot page, next page                      ${ms(t)}`);
    t = process.hrtime.bigint();
    await listLotPasses(ctx, { lotId: lot.id, limit: 50, state: "CANCELLED" });
    console.log(`  lot page, filter on an absent state      ${ms(t)}`);
    t = process.hrtime.bigint();
    await listLotPasses(ctx, { lotId: lot.id, limit: 50, code: "1234567890123456" });
    console.log(`  lot page, exact code search              ${ms(t)}`);
    t = process.hrtime.bigint();
    await activateLot(ctx, { lotId: lot.id });
    console.log(`  activate all: request                    ${ms(t)}`);
    t = process.hrtime.bigint();
    await runLotAction(ctx, { lotId: lot.id });
    console.log(`  activate all: background run             ${seconds(t).toFixed(2)} s`);
  } finally {
    clearInterval(sampler);
    await database.close();
    if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

void main();
