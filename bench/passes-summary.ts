/**
 * The Passes Summary report at scale: inserts N passes (default 1,000,000) with SQL into a fresh
 * database of the local PostgreSQL (10 plans of three types and two currencies, every state,
 * redemptions at three organisations, a thousand gift passes that funded nameless wallets), rolls
 * the summary's deltas up as the job does, then times the report's first page and its totals
 * (p50/p95 of 20 runs per case), what the summary triggers add to a redemption's writes, and a
 * full CSV export through the route's own streaming response (time and peak RSS).
 * Run: npx tsx bench/passes-summary.ts [count] [--keep]
 *      npx tsx bench/passes-summary.ts --reuse=<database>   (times a kept database again, no insert)
 * Admin URL: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { loadavg } from "node:os";
import { asc, sql, TransactionRollbackError } from "drizzle-orm";
import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { lots, organisations, passPlans } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { newId } from "@/server/domain/ids";
import { createCurrency } from "@/server/domain/network/currencies";
import { testPlan } from "@/server/domain/passes/test-fixtures";
import { listPassesSummary } from "@/server/domain/reports/passes-summary/list";
import {
  listPassesSummarySchema,
  passesSummaryFiltersSchema,
  type ListPassesSummaryInput,
  type PassesSummaryFiltersInput,
} from "@/server/domain/reports/passes-summary/schemas";
import { rollUpPassesSummary } from "@/server/domain/reports/passes-summary/roll-up";
import { passesSummaryTotals } from "@/server/domain/reports/passes-summary/totals";
import { passesSummaryCsvResponse } from "@/server/rest/passes-summary-csv";
import { percentile } from "./percentile";

const count = Number(process.argv[2] ?? 1_000_000);
const keep = process.argv.includes("--keep");
const reuse = process.argv.find((arg) => arg.startsWith("--reuse="))?.slice("--reuse=".length);
const runs = 20;
const adminUrl =
  process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const pad = (label: string) => label.padEnd(44);

async function timed(label: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(seconds(t) * 1000);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${pad(label)} p50 ${percentile(times, 0.5).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 0.95).toFixed(1).padStart(7)} ms`,
  );
}

/** Ten plans (gift, multi-use gift, top-up, promotion; two currencies), a lot each, three organisations. */
async function catalogue(ctx: DomainContext) {
  await createCurrency(ctx, { code: "EUR", name: "Euro", minorUnits: 2, isBusinessCurrency: true });
  await createCurrency(ctx, { code: "JPY", name: "Yen", minorUnits: 0, isBusinessCurrency: false });
  const kinds = [
    { type: "GIFT", currency: "EUR", fixedValueMinor: 2500 },
    { type: "GIFT", currency: "EUR", fixedValueMinor: 5000 },
    { type: "GIFT", currency: "EUR", fixedValueMinor: 10_000, usage: "MULTIPLE", maxUses: 5 },
    { type: "GIFT", currency: "JPY", fixedValueMinor: 3000 },
    { type: "TOP_UP", currency: "EUR", fixedValueMinor: 2000 },
    { type: "TOP_UP", currency: "EUR", fixedValueMinor: 4000 },
    { type: "TOP_UP", currency: "JPY", fixedValueMinor: 5000 },
    { type: "GIFT", currency: "EUR", fixedValueMinor: 1500 },
    { type: "PROMOTION" },
    { type: "PROMOTION" },
  ] as const;
  const plans = [];
  for (const [i, kind] of kinds.entries()) {
    plans.push(await testPlan(ctx, { name: `Bench plan ${i}`, maxPasses: count, ...kind }));
  }
  const lotRows = plans.map((plan) => ({
    id: newId(),
    planId: plan.id,
    number: 1,
    kind: "PRINTED" as const,
    quantity: Math.ceil(count / plans.length),
  }));
  await ctx.db.insert(lots).values(lotRows);
  const orgRows = ["North", "Centre", "South"].map((name) => ({
    id: newId(),
    kind: "merchant" as const,
    name: `Bench ${name}`,
  }));
  await ctx.db.insert(organisations).values(orgRows);
  return { plans, lotRows, orgIds: orgRows.map((o) => o.id) };
}

/** N passes in SQL, appended in issue order as a live system does (one a minute up to now): plan i % 10, states by (i / 10) % 20 (every plan has every state). */
async function insertPasses(
  ctx: DomainContext,
  plans: { id: string }[],
  lotIds: string[],
  orgIds: string[],
) {
  const planIds = sql.raw(`array[${plans.map((p) => `'${p.id}'::uuid`).join(",")}]`);
  const lotIdArray = sql.raw(`array[${lotIds.map((id) => `'${id}'::uuid`).join(",")}]`);
  const orgIdArray = sql.raw(`array[${orgIds.map((id) => `'${id}'::uuid`).join(",")}]`);
  await ctx.db.execute(sql`
    insert into passes (id, plan_id, lot_id, lot_seq, code_hash, code_ciphertext, code_mask, state, currency,
      initial_value_minor, remaining_value_minor, uses_count, max_uses, expires_at, issued_at, activated_at, redeemed_at)
    select gen_random_uuid(), (${planIds})[g.i % 10 + 1], (${lotIdArray})[g.i % 10 + 1], g.i / 10,
      encode(sha256(('bench' || g.i)::bytea), 'hex'),
      'k1:' || encode(sha256(('cipher' || g.i)::bytea), 'base64') || encode(sha256(('iv' || g.i)::bytea), 'base64'),
      'BNCH…' || lpad((g.i % 10000)::text, 4, '0'),
      s.state::pass_state, p.currency, p.fixed_value_minor,
      case when s.state = 'REDEEMED' then (case when p.usage = 'MULTIPLE' then p.fixed_value_minor / 4 else 0 end) else p.fixed_value_minor end,
      case when s.state = 'REDEEMED' then 1 else 0 end,
      coalesce(p.max_uses, 1),
      case when g.i % 3 = 0 then now() + interval '400 days' - (${count} - g.i) * interval '1 minute' end,
      now() - (${count} - g.i) * interval '1 minute',
      case when s.state <> 'DRAFT' then now() - (${count} - g.i) * interval '1 minute' end,
      case when s.state = 'REDEEMED' then now() - (${count} - g.i) * interval '1 minute' + interval '3 days' end
    from generate_series(1, ${count}) g(i)
    join pass_plans p on p.id = (${planIds})[g.i % 10 + 1]
    cross join lateral (select case
      when g.i / 10 % 20 < 12 then 'ACTIVE' when g.i / 10 % 20 < 17 then 'REDEEMED'
      when g.i / 10 % 20 = 17 then 'DRAFT' when g.i / 10 % 20 = 18 then 'CANCELLED' else 'EXPIRED' end as state) s`);
  await ctx.db.execute(sql`
    insert into pass_redemptions (id, pass_id, amount_minor, currency, organisation_id, actor_type, created_at)
    select gen_random_uuid(), id, initial_value_minor - remaining_value_minor, currency,
      (${orgIdArray})[(abs(hashtext(id::text)) % 3) + 1], 'system', redeemed_at
    from passes where state = 'REDEEMED'`);
  // A thousand gift passes funded nameless wallets (pocket, open and held funds).
  await ctx.db.execute(sql`
    with funded as (
      select p.id as pass_id, p.currency, r.id as redemption_id, p.initial_value_minor as amount,
        gen_random_uuid() as contact_id, gen_random_uuid() as wallet_id, gen_random_uuid() as pocket_id
      from passes p join pass_plans pl on pl.id = p.plan_id and pl.type = 'GIFT' and pl.usage = 'SINGLE'
      join pass_redemptions r on r.pass_id = p.id
      where p.state = 'REDEEMED' limit 1000),
    c as (insert into contacts (id, kind) select contact_id, 'nameless'::contact_kind from funded),
    w as (insert into wallets (id, contact_id, currency) select wallet_id, contact_id, currency from funded),
    a as (insert into ledger_accounts (id, kind, currency, wallet_id, balance_minor)
      select pocket_id, 'POCKET'::ledger_account_kind, currency, wallet_id, amount / 2 from funded
      union all select gen_random_uuid(), 'OPEN'::ledger_account_kind, currency, wallet_id, amount / 4 from funded
      union all select gen_random_uuid(), 'HELD'::ledger_account_kind, currency, wallet_id, amount / 8 from funded)
    insert into credit_lots (id, wallet_id, account_id, currency, amount_minor, remaining_minor, source_type, source_id)
    select gen_random_uuid(), wallet_id, pocket_id, currency, amount, amount / 2, 'PASS_REDEMPTION', redemption_id from funded`);
  await ctx.db.execute(sql`update passes set contact_id = f.contact_id from wallets f
    join credit_lots cl on cl.wallet_id = f.id join pass_redemptions r on r.id = cl.source_id where passes.id = r.pass_id`);
}

/**
 * What the summary triggers add to the writes of a redemption (the pass UPDATE, the redemption
 * INSERT at an organisation): per write, with the triggers and with them disabled, inside
 * transactions that are rolled back, so the database is left as it was.
 */
async function summaryWriteCost(ctx: DomainContext) {
  const writes = 1000;
  const ids = rowsOf<{ id: string; org: string }>(
    await ctx.db
      .execute(sql`select p.id, (select id from organisations order by name limit 1) as org
      from passes p join pass_plans pl on pl.id = p.plan_id and pl.usage = 'SINGLE' and pl.type <> 'PROMOTION'
      where p.state = 'ACTIVE' limit ${writes}`),
  );
  const run = async (triggers: boolean) => {
    let perWrite = 0;
    await ctx.db
      .transaction(async (tx) => {
        if (!triggers)
          await tx.execute(
            sql`alter table passes disable trigger passes_summary_updated; alter table pass_redemptions disable trigger passes_summary_inserted`,
          );
        const t = process.hrtime.bigint();
        for (const { id, org } of ids) {
          await tx.execute(
            sql`update passes set state = 'REDEEMED', uses_count = uses_count + 1, remaining_value_minor = 0, redeemed_at = now() where id = ${id}`,
          );
          await tx.execute(sql`insert into pass_redemptions (id, pass_id, amount_minor, currency, organisation_id, actor_type)
            select ${newId()}, id, initial_value_minor, currency, ${org}, 'system' from passes where id = ${id}`);
        }
        perWrite = (seconds(t) * 1e6) / ids.length;
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    return perWrite;
  };
  const rounds = { with: [] as number[], without: [] as number[] };
  await run(true);
  for (let i = 0; i < 3; i++) {
    rounds.with.push(await run(true));
    rounds.without.push(await run(false));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `redemption writes (pass UPDATE + redemption INSERT at an organisation), ${ids.length} per round, median of 3 rounds`,
  );
  console.log(
    `  ${pad("with the summary triggers")} ${median(rounds.with).toFixed(0).padStart(7)} µs per redemption`,
  );
  console.log(
    `  ${pad("triggers disabled")} ${median(rounds.without).toFixed(0).padStart(7)} µs per redemption`,
  );
}

/** The plans and organisations of a database made by an earlier run with --keep. */
async function existing(ctx: DomainContext) {
  const plans = await ctx.db.select().from(passPlans).orderBy(asc(passPlans.name));
  const orgs = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.name));
  return { plans, orgIds: orgs.map((o) => o.id) };
}

async function main() {
  const name = reuse ?? `tessera_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), max: 4 });
  try {
    const ctx: DomainContext = { db: database.db, actor: systemActor("benchmark") };
    let t = process.hrtime.bigint();
    let setup = "reused";
    let { plans, orgIds } = reuse ? await existing(ctx) : { plans: [], orgIds: [] as string[] };
    if (!reuse) {
      await migrateDatabase(database);
      const made = await catalogue(ctx);
      ({ plans, orgIds } = made);
      await insertPasses(
        ctx,
        plans,
        made.lotRows.map((l) => l.id),
        orgIds,
      );
      const insertSeconds = seconds(t);
      t = process.hrtime.bigint();
      const deltas = await rollUpPassesSummary(ctx);
      const rollUpSeconds = seconds(t);
      t = process.hrtime.bigint();
      await ctx.db.execute(sql`vacuum analyze`);
      setup = `inserted in ${insertSeconds.toFixed(1)} s, summary roll-up of ${deltas.toLocaleString("en")} deltas ${rollUpSeconds.toFixed(1)} s, vacuum analyze ${seconds(t).toFixed(1)} s`;
    }
    const size = await ctx.db.execute(
      sql`select pg_size_pretty(pg_total_relation_size('passes')) as size, (select count(*) from passes) as n`,
    );
    const [stats] = rowsOf<{ size: string; n: string }>(size);
    console.log(
      `Passes Summary at ${Number(stats?.n).toLocaleString("en")} passes, node ${process.version}, database ${name}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log(`  ${setup}, passes with indexes ${stats?.size}`);

    const [gift] = plans;
    const page = (filters: Partial<ListPassesSummaryInput>) => () =>
      listPassesSummary(ctx, listPassesSummarySchema.parse({ ...filters, limit: 50 }));
    const totals = (filters: PassesSummaryFiltersInput) => () =>
      passesSummaryTotals(ctx, passesSummaryFiltersSchema.parse(filters));
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const lastMonth = { from: daysAgo(30), to: new Date() };
    const aYearAgo = { from: daysAgo(365), to: daysAgo(335) };
    const nextMonth = { from: new Date(), to: daysAgo(-30) };
    const first = await listPassesSummary(ctx, listPassesSummarySchema.parse({ limit: 50 }));

    console.log(`first page (50 rows), ${runs} runs each`);
    await timed("no filter", page({}));
    await timed("next page (keyset cursor)", page({ after: first.nextCursor ?? undefined }));
    await timed("oldest first", page({ sortDir: "asc" }));
    await timed("plan", page({ planId: gift!.id }));
    await timed("type TOP_UP", page({ type: "TOP_UP" }));
    await timed("state CANCELLED", page({ state: "CANCELLED" }));
    await timed("organisation", page({ organisationId: orgIds[0] }));
    await timed("redeemed in the last 30 days", page({ dateField: "redeemed", ...lastMonth }));
    // Ranges that match passes issued long ago: the newest passes do not qualify.
    await timed("redeemed in a month a year ago", page({ dateField: "redeemed", ...aYearAgo }));
    await timed("activated in a month a year ago", page({ dateField: "activated", ...aYearAgo }));
    await timed("expires in the next 30 days", page({ dateField: "expires", ...nextMonth }));
    await timed(
      "plan + state + organisation",
      page({ planId: gift!.id, state: "REDEEMED", organisationId: orgIds[1] }),
    );

    console.log(`totals per currency, ${runs} runs each`);
    await timed("plan", totals({ planId: gift!.id }));
    await timed("plan + state REDEEMED", totals({ planId: gift!.id, state: "REDEEMED" }));
    await timed("type TOP_UP + state ACTIVE", totals({ type: "TOP_UP", state: "ACTIVE" }));
    await timed("state CANCELLED", totals({ state: "CANCELLED" }));
    await timed("issued in the last 30 days", totals(lastMonth));
    await timed("organisation", totals({ organisationId: orgIds[0] }));
    await timed("state ACTIVE (60% of passes)", totals({ state: "ACTIVE" }));
    await timed("no filter (every pass)", totals({}));
    await timed(
      "issued in the last 365 days",
      totals({ from: new Date(Date.now() - 365 * 86_400_000), to: new Date() }),
    );
    await timed("redeemed in the last 30 days", totals({ dateField: "redeemed", ...lastMonth }));
    await timed(
      "expires in the next 90 days",
      totals({
        dateField: "expires",
        from: new Date(),
        to: new Date(Date.now() + 90 * 86_400_000),
      }),
    );
    await timed(
      "organisation + type GIFT + last 365 days",
      totals({
        organisationId: orgIds[1],
        type: "GIFT",
        from: new Date(Date.now() - 365 * 86_400_000),
      }),
    );

    await summaryWriteCost(ctx);

    const finance = {
      type: "user" as const,
      id: newId(),
      label: "bench@finance",
      role: "finance" as const,
    };
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    t = process.hrtime.bigint();
    const res = await passesSummaryCsvResponse(
      finance,
      new Request("http://bench/api/reports/passes-summary.csv"),
      database.db,
    );
    const reader = res.body!.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
    }
    const exportSeconds = seconds(t);
    console.log(`CSV export of every pass (route response, keyset batches of 5,000)`);
    console.log(`  ${pad("rows")} ${(lines - 1).toLocaleString("en")} (+ header), ${mb(bytes)}`);
    console.log(
      `  ${pad("time")} ${exportSeconds.toFixed(1)} s (${Math.round((lines - 1) / exportSeconds).toLocaleString("en")} rows/s)`,
    );
    console.log(`  ${pad("peak RSS")} ${mb(peakRss)} (before export ${mb(rssBefore)})`);
  } finally {
    clearInterval(sampler);
    await database.close();
    if (!keep && !reuse) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

void main();
