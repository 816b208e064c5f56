/**
 * Pass redemption throughput on a fresh database of the local PostgreSQL: 100,000 ACTIVE gift
 * passes (codes generated here, stored as the app stores them: keyed hash, ciphertext, mask), then
 * (a) redemptions of distinct codes through the REST route handler (POST /api/v1/passes/redeem,
 *     called in-process with a real API key, as the app's route does) with 32 concurrent clients;
 * (b) the domain function `redeemPass` directly with 8 concurrent clients.
 * Each of these is a gift without a contact: it creates a nameless contact and wallet, a credit
 * lot and a journal entry, i.e. the heaviest redemption path.
 * (c) `redeemPass` for 1,000 registered contacts who already have a wallet, 8 clients: the usual
 *     point-of-sale case, a known customer topping up their wallet.
 * (d) REST again with an Idempotency-Key on every call, as a careful point of sale sends it (the
 *     key's record is written by the redemption's own statement, in its group commit).
 * (e) REST over HTTP: the production build served as `npm start` serves it (its own process, as
 *     deployed) and 32 clients calling it over kept-alive connections (./http-post), as (a) but
 *     end to end. Needs `npm run build` first; skipped otherwise. The server's CPU per call is
 *     read from /proc; the clients' is Node's.
 * 1,000 redemptions of each kind warm up first and the tables are analysed, as on a live system.
 * Prints throughput, p50/p95/p99 and the CPU per call of Node and of the database.
 * Run: npx tsx bench/redemption.ts [restCount] [domainCount] [registeredCount] [idempotentCount] [httpCount]
 * Admin URL: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { NextRequest } from "next/server";
import postgres from "postgres";
import { startAppServer } from "./app-server";
import { databaseCpu } from "./database-cpu";
import { jsonPoster } from "./http-post";
import { elapsedMs, measure, type Measured } from "./measure";

const restCount = Number(process.argv[2] ?? 10_000);
const domainCount = Number(process.argv[3] ?? 10_000);
const registeredCount = Number(process.argv[4] ?? 10_000);
const idempotentCount = Number(process.argv[5] ?? 3_000);
const httpCount = Number(process.argv[6] ?? 10_000);
const registeredContacts = 1_000;
const totalPasses = 100_000;
const adminUrl =
  process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** One phase's figures; a phase given 0 calls (to run only some phases) says so. */
const line = (label: string, r: Measured) =>
  console.log(
    r.calls === 0
      ? `  ${label.padEnd(34)} skipped (0 calls)`
      : `  ${label.padEnd(34)} ${String(r.perSecond).padStart(6)}/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  CPU/call node ${r.nodeCpuMs.toFixed(2)} ms, database ${r.databaseCpuMs?.toFixed(2) ?? "n/a"} ms  (${r.seconds.toFixed(1)} s, ${r.failures} failed)`,
  );

async function main() {
  const name = `tessera_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.PASSCODE_HMAC_KEY ??= "bench-hmac-key-bench-hmac-key-bench-hmac-00";
  process.env.PASSCODE_ENCRYPTION_KEY ??= "bench-encryption-key-bench-encryption-k00";
  process.env.AUTH_SECRET ??= "bench-auth-secret-bench-auth-secret-00000";
  // Imported after DATABASE_URL is set: the app's database handle reads it once.
  const { getDatabase } = await import("@/db");
  const { migrateDatabase } = await import("@/db/migrate");
  const { lots, passes } = await import("@/db/schema");
  const { systemActor } = await import("@/server/domain/actor");
  const { createContact } = await import("@/server/domain/contacts/create");
  const { createApiKey } = await import("@/server/domain/api-keys/service");
  const { newId } = await import("@/server/domain/ids");
  const { generateCode } = await import("@/server/domain/passes/codes/generate");
  const { newPassRow } = await import("@/server/domain/passes/issue/new-pass-row");
  const { redeemPass } = await import("@/server/domain/passes/redeem/redeem");
  const { testPlan } = await import("@/server/domain/passes/test-fixtures");
  const { verifyLedger } = await import("@/server/domain/ledger/verify");
  const { redeemPassEndpoint } = await import("@/server/rest/endpoints/pass-actions");
  const { prepareJobStorage } = await import("@/server/jobs/storage");

  const database = getDatabase();
  try {
    await migrateDatabase(database);
    await prepareJobStorage(database, url.toString());
    const ctx = { db: database.db, actor: systemActor("benchmark") };
    const databaseCpuNow = () => databaseCpu(admin, name);

    let t = process.hrtime.bigint();
    const plan = await testPlan(ctx, { maxPasses: totalPasses });
    const [lot] = await ctx.db
      .insert(lots)
      .values({ id: newId(), planId: plan.id, number: 1, kind: "ON_DEMAND" })
      .returning({ id: lots.id });
    const codes: string[] = [];
    const issuedAt = new Date();
    for (let from = 0; from < totalPasses; from += 2_000) {
      const rows = [];
      for (let i = from; i < Math.min(totalPasses, from + 2_000); i++) {
        const code = generateCode(plan.passcodeFormat);
        codes.push(code);
        rows.push(
          newPassRow(plan, lot!, code, {
            state: "ACTIVE",
            issuedAt,
            valueMinor: plan.fixedValueMinor,
          }),
        );
      }
      await ctx.db.insert(passes).values(rows).onConflictDoNothing();
    }
    await database.sql!.unsafe("analyze");
    console.log(
      `${totalPasses.toLocaleString("en")} active gift passes in ${(elapsedMs(t) / 1000).toFixed(1)} s; node ${process.version}, database ${name}`,
    );

    const { secret } = await createApiKey(ctx, { name: "bench", scopes: ["passes:redeem"] });
    const restRedeem = async (code: string, idempotencyKey?: string) => {
      const req = new NextRequest("http://localhost/api/v1/passes/redeem", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${secret}`,
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        body: JSON.stringify({ code, terminalId: "BENCH" }),
      });
      const res = await redeemPassEndpoint.handler(req, { params: Promise.resolve({}) });
      await res.text();
      return res.status === 200;
    };

    // Warm-up, then statistics: a live system's tables are not empty. Without this, plans made
    // while wallets, contacts and entries were empty (foreign-key checks included) scan whole
    // tables for the rest of the run, slower with every redemption. The REST route warms up with
    // 32 clients too, so that every connection of the pool is open and has compiled the database
    // functions (a live server's connections have): otherwise the REST phase's first second
    // paid for that, at p99 above 120 ms.
    const warmUp = 1_000;
    const contactIds: string[] = [];
    for (let i = 0; i < registeredContacts; i++)
      contactIds.push((await createContact(ctx, { email: `bench-${i}@example.com` })).id);
    // Codes are taken from the end for the warm-up: nameless first, then one per registered
    // contact, which also opens each contact's wallet as their first redemption would.
    const fromEnd = (i: number) => codes[totalPasses - 1 - i]!;
    await measure(
      8,
      warmUp,
      async (i) => {
        await redeemPass(ctx, { code: fromEnd(i), terminalId: "BENCH" });
        return true;
      },
      databaseCpuNow,
    );
    await measure(
      8,
      registeredContacts,
      async (i) => {
        await redeemPass(ctx, {
          code: fromEnd(warmUp + i),
          contactId: contactIds[i]!,
          terminalId: "BENCH",
        });
        return true;
      },
      databaseCpuNow,
    );
    await measure(32, warmUp, (i) => restRedeem(fromEnd(warmUp + registeredContacts + i)), databaseCpuNow);
    await database.sql!.unsafe("analyze");

    const rest = await measure(32, restCount, (i) => restRedeem(codes[i]!), databaseCpuNow);
    line(`REST, 32 clients, ${restCount} codes`, rest);

    const domain = await measure(
      8,
      domainCount,
      async (i) => {
        await redeemPass(ctx, { code: codes[restCount + i]!, terminalId: "BENCH" });
        return true;
      },
      databaseCpuNow,
    );
    line(`redeemPass, 8 clients, ${domainCount} codes`, domain);

    const registered = await measure(
      8,
      registeredCount,
      async (i) => {
        await redeemPass(ctx, {
          code: codes[restCount + domainCount + i]!,
          contactId: contactIds[i % registeredContacts]!,
          terminalId: "BENCH",
        });
        return true;
      },
      databaseCpuNow,
    );
    line(`redeemPass, registered, 8 clients`, registered);

    const fromIdempotent = restCount + domainCount + registeredCount;
    const idempotent = await measure(
      32,
      idempotentCount,
      (i) => restRedeem(codes[fromIdempotent + i]!, `bench-${i}`),
      databaseCpuNow,
    );
    line(`REST + Idempotency-Key, 32 clients`, idempotent);

    const server = httpCount === 0 ? null : await startAppServer(3199, {
      SEED_DEMO_DATA: "false",
      RUN_WORKER_IN_APP: "false",
      PRINTING_WEBHOOK_SECRET: "bench-printing-secret-bench-printing-secret",
    });
    if (httpCount === 0) console.log(`  ${"REST over HTTP, 32 clients".padEnd(34)} skipped (0 calls)`);
    else if (!server) console.log("  REST over HTTP: skipped, no production build (npm run build)");
    else {
      try {
        const fromHttp = fromIdempotent + idempotentCount;
        const post = jsonPoster(32);
        const httpRedeem = async (code: string) =>
          (await post(`${server.url}/api/v1/passes/redeem`, { code, terminalId: "BENCH" }, { authorization: `Bearer ${secret}` })) === 200;
        const httpWarmUp = 1_000;
        await measure(32, httpWarmUp, (i) => httpRedeem(codes[fromHttp + i]!), databaseCpuNow);
        const serverBefore = server.cpuSeconds();
        const http = await measure(
          32,
          httpCount,
          (i) => httpRedeem(codes[fromHttp + httpWarmUp + i]!),
          databaseCpuNow,
        );
        line(`REST over HTTP, 32 clients`, http);
        console.log(
          `  ${"".padEnd(34)} app server CPU/call ${(((server.cpuSeconds() - serverBefore) * 1000) / httpCount).toFixed(2)} ms (node above: the clients)`,
        );
      } finally {
        await server.stop();
      }
    }

    t = process.hrtime.bigint();
    const verified = await verifyLedger(ctx);
    console.log(
      `  verify ledger: ${verified.ok ? "ok" : "PROBLEMS"} (${verified.entries} entries, ${(elapsedMs(t) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  process.exit(0);
}

void main();
