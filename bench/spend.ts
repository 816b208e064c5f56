/**
 * Spends per second on ONE hot wallet, through the domain function `spend` (redeem + spend,
 * audit, event, spend row), with the CPU per call of Node and of the database, on a fresh
 * database of the local PostgreSQL, dropped at the end.
 * Phase 1: open funds cover every spend (no redeem). Phase 2: every spend first redeems from
 * the business pocket (two entries per spend).
 * Run: npx tsx bench/spend.ts [spendsPerPhase=2000] [clients=8]
 * Admin URL: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { systemActor } from "@/server/domain/actor";
import { createContact } from "@/server/domain/contacts/create";
import type { DomainContext } from "@/server/domain/context";
import { verifyLedger } from "@/server/domain/ledger/verify";
import { walletBalances } from "@/server/domain/wallet/balances";
import { fund } from "@/server/domain/wallet/operations-test-fixtures";
import { redeemFunds } from "@/server/domain/wallet/redeem-funds";
import { spend } from "@/server/domain/wallet/spend";
import { ensureWallet } from "@/server/domain/wallet/wallets";
import { databaseCpu, type DatabaseCpuReader } from "./database-cpu";
import { measure } from "./measure";

const perPhase = Number(process.argv[2] ?? 2000);
const clients = Number(process.argv[3] ?? 8);
const adminUrl =
  process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";


async function phase(ctx: DomainContext, label: string, contactId: string, databaseCpuNow: DatabaseCpuReader) {
  let shown = 0;
  const r = await measure(
    clients,
    perPhase,
    async (i) => {
      try {
        await spend(ctx, { contactId, currency: "EUR", amountMinor: 1, onlyIfEnoughFunds: true, reference: `${label}-${i}` });
        return true;
      } catch (err) {
        if (shown++ < 2) console.error(err);
        return false;
      }
    },
    databaseCpuNow,
  );
  console.log(
    `${label}: ${perPhase} spends, ${clients} clients, ${r.seconds.toFixed(2)} s → ${r.perSecond} spends/s; ` +
      `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ` +
      `CPU/call node ${r.nodeCpuMs.toFixed(2)} ms, database ${r.databaseCpuMs?.toFixed(2) ?? "n/a"} ms; failed ${r.failures}`,
  );
}

async function main() {
  const name = `tessera_bench_spend_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), max: clients + 2 });
  try {
    await migrateDatabase(database);
    const ctx: DomainContext = { db: database.db, actor: systemActor("benchmark") };
    const contact = await createContact(ctx, { email: `bench-${Date.now()}@example.test` });
    const wallet = await ensureWallet(ctx, contact.id, "EUR");
    await fund(ctx, wallet, 2 * perPhase + 1000);
    await redeemFunds(ctx, { contactId: contact.id, currency: "EUR", amountMinor: perPhase });
    for (let i = 0; i < 50; i++)
      await spend(ctx, {
        contactId: contact.id,
        currency: "EUR",
        amountMinor: 1,
        reference: `warm-${i}`,
      });
    await refill(ctx, contact.id, 50);
    // Statistics of a live system, not of the empty tables the plans would otherwise be made for.
    await database.sql!.unsafe("analyze");
    const databaseCpuNow = () => databaseCpu(admin, name);
    await phase(ctx, "open funds", contact.id, databaseCpuNow);
    await phase(ctx, "redeem + spend", contact.id, databaseCpuNow);
    const balances = await walletBalances(ctx, wallet.id);
    console.log(
      `final available ${balances.availableMinor} (expected ${1000 - 50}); verify ledger: ${(await verifyLedger(ctx)).ok ? "ok" : "PROBLEMS"}`,
    );
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** Puts back in open funds what the warm-up spent, so the phases start from a known balance. */
async function refill(ctx: DomainContext, contactId: string, amountMinor: number) {
  await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
