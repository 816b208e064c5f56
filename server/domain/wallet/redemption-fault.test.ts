import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { contextAs, testDatabase } from "@/test/db";
import { verifyLedger } from "../ledger/verify";
import { testPass, testPlan } from "../passes/test-fixtures";

testDatabase();

const batch = 400;

/** Starts the worker process and resolves once it has redeemed `atLeast` passes; the caller kills it. */
function startWorker(codesFile: string, atLeast: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("test/redeem-batch.ts"), codesFile], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const reached = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      const counts = [...d.toString().matchAll(/redeemed (\d+)/g)].map((m) => Number(m[1]));
      const last = counts.at(-1) ?? 0;
      if (last >= atLeast) resolve(last);
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before being killed: ${stderr}`)));
  });
  return { child, reached };
}

describe("a redemption process killed mid-batch", () => {
  it("leaves no partial redemption or journal entry, and the ledger verifies", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { fixedValueMinor: 1234 });
    const codes: string[] = [];
    for (let i = 0; i < batch; i++) codes.push((await testPass(ctx, plan)).code);
    const codesFile = path.join(mkdtempSync(path.join(tmpdir(), "fault-")), "codes.txt");
    writeFileSync(codesFile, codes.join("\n"));

    const { child, reached } = startWorker(codesFile, 40);
    const seen = await reached;
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("close", resolve));
    // The server rolls back the killed connections' open transactions; wait until they are gone.
    for (let i = 0; i < 50; i++) {
      const [open] = rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = '' and state like 'idle in transaction%'`));
      if ((open?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.db.execute(query));
    const [counts] = await q<{ redeemed: number; active: number; redemptions: number }>(sql`
      select count(*) filter (where state = 'REDEEMED')::int as redeemed, count(*) filter (where state = 'ACTIVE')::int as active,
        (select count(*)::int from pass_redemptions r join passes p on p.id = r.pass_id where p.plan_id = ${plan.id}) as redemptions
      from passes where plan_id = ${plan.id}`);
    expect(counts!.redeemed).toBeGreaterThanOrEqual(seen);
    expect(counts!.redeemed).toBeLessThan(batch);
    expect(counts!.redeemed + counts!.active).toBe(batch);
    expect(counts!.redemptions).toBe(counts!.redeemed);

    // Every redemption has exactly one balanced entry and one credit lot of the pass's value; every REDEEMED pass has one.
    const broken = await q<{ pass_id: string; entries: number; lots: number; lot_sum: number }>(sql`
      select p.id as pass_id,
        (select count(*)::int from journal_entries e where e.cause_type = 'pass_redemption' and e.cause_id = r.id) as entries,
        (select count(*)::int from credit_lots l where l.source_id = r.id) as lots,
        (select coalesce(sum(l.amount_minor), 0)::int from credit_lots l where l.source_id = r.id) as lot_sum
      from passes p left join pass_redemptions r on r.pass_id = p.id
      where p.plan_id = ${plan.id} and p.state = 'REDEEMED'`);
    expect(broken.filter((b) => b.entries !== 1 || b.lots !== 1 || b.lot_sum !== 1234)).toEqual([]);
    const unbalanced = await q<{ entry_id: string }>(sql`
      select e.id as entry_id from journal_entries e left join ledger_postings p on p.entry_id = e.id
      group by e.id having count(p.id) < 2 or sum(p.amount_minor) <> 0`);
    expect(unbalanced).toEqual([]);
    const verified = await verifyLedger(ctx);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  }, 180_000);
});
