import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { payoutRequests } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { contactWithWallet, fund } from "@/server/domain/wallet/operations-test-fixtures";
import { commitApproval } from "@/server/domain/wallet/payouts/decide";
import { requestPayout } from "@/server/domain/wallet/payouts/request";
import { redeemFunds } from "@/server/domain/wallet/redeem-funds";
import { queues } from "./queues";
import { prepareJobStorage } from "./storage";
import { startWorker } from "./worker";

/*
 * The worker as the app starts it, on a database of its own: on the run's shared database its
 * every-minute schedules would roll up summaries and expire holds under other test files.
 */
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `tessera_worker_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let database: Database;

beforeAll(async () => {
  await admin.unsafe(`create database "${name}"`);
  database = createDatabase({ url: url.toString(), max: 2 });
  await migrateDatabase(database);
  await prepareJobStorage(database, url.toString());
});

afterAll(async () => {
  await database?.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the background worker", () => {
  it("schedules every periodic job and runs a queued job's domain step: a payout left APPROVED is settled", async () => {
    const boss = await startWorker(database, url.toString());
    try {
      expect((await boss.getSchedules()).map((s) => [s.name, s.cron]).sort()).toEqual(
        [
          [queues.expireCreditLots, "17 * * * *"],
          [queues.expireHolds, "* * * * *"],
          [queues.expirePasses, "7 * * * *"],
          [queues.purgeExpiredRecords, "0 3 * * *"],
          [queues.rollUpPassesSummary, "* * * * *"],
          [queues.settleStuckPayouts, "*/5 * * * *"],
        ].sort(),
      );

      const ctx: DomainContext = { db: database.db, actor: systemActor("test") };
      const { contactId, wallet } = await contactWithWallet(ctx);
      await fund(ctx, wallet, 500);
      await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 500 });
      const { payoutId } = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 300 });
      await commitApproval(ctx, { payoutId });
      // The approving process died ten minutes ago, before it could settle.
      await ctx.db.update(payoutRequests).set({ decidedAt: sql`now() - interval '10 minutes'` }).where(eq(payoutRequests.id, payoutId));

      await boss.send(queues.settleStuckPayouts, {});
      const settled = await eventually(
        async () => (await ctx.db.select().from(payoutRequests).where(eq(payoutRequests.id, payoutId)))[0]!,
        (row) => row.state !== "APPROVED",
      );
      expect(settled).toMatchObject({ state: "PAID", providerReference: `rec_${payoutId}` });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
