import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { unique } from "@/test/db";
import { systemActor } from "../actor";
import type { DomainContext } from "../context";
import { verifyLedger } from "../ledger/verify";
import { redeemPass } from "../passes/redeem/redeem";
import { testPass, testPlan } from "../passes/test-fixtures";
import { walletBalances } from "./balances";
import { contactWithWallet, fund } from "./operations-test-fixtures";
import { redeemFunds } from "./redeem-funds";
import { spend } from "./spend";

// `npm start` without DATABASE_URL runs on embedded PostgreSQL (PGlite), a newer PostgreSQL than
// the server the other tests use: the batched money writes must hold there too.
const lite = createDatabase({ dataDir: "memory://" });
afterAll(() => lite.close());

describe("money writes on the embedded database", () => {
  it("redeems gifts and spends from a hot wallet in batches, exactly", async () => {
    await migrateDatabase(lite);
    const ctx: DomainContext = { db: lite.db, actor: systemActor("test") };
    await ctx.db.execute(sql`insert into currencies (code, name, minor_units) values ('EUR', 'Euro', 2)`);
    const plan = await testPlan(ctx, { fixedValueMinor: 1000 });
    const gifts = await Promise.all(Array.from({ length: 6 }, () => testPass(ctx, plan)));

    const redeemed = await Promise.allSettled([...gifts, gifts[0]!].map((g) => redeemPass(ctx, { code: g.code })));
    expect(redeemed.filter((r) => r.status === "fulfilled")).toHaveLength(6);

    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 1000 });
    const spent = await Promise.allSettled(
      Array.from({ length: 12 }, () => spend(ctx, { contactId, currency: "EUR", amountMinor: 100, onlyIfEnoughFunds: true, reference: unique("o") })),
    );
    expect(spent.filter((s) => s.status === "fulfilled")).toHaveLength(10);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  }, 60_000);
});
