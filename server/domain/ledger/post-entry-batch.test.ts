import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { journalEntries, ledgerAccounts, ledgerPostings } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { sqlFunctionError, sqlState } from "../sql-functions";
import { emptyWallet, fundOpen } from "../wallet/wallet-test-fixtures";
import { openAccount } from "../wallet/wallets";
import { systemAccount } from "./accounts";
import { entryArgument } from "./post-entry";
import { verifyLedger } from "./verify";

testDatabase();

/** A currency of this test alone: other files post to the same system accounts in parallel. */
const ownCurrency = () => `B${String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26))}`;

/** A wallet's open account holding 100, and the ADJUSTMENTS account entries move money from. */
async function openWith100(ctx: DomainContext) {
  const currency = ownCurrency();
  const wallet = await emptyWallet(ctx, currency);
  await fundOpen(ctx, wallet, 100);
  return { open: await openAccount(ctx, wallet), adjustments: await systemAccount(ctx, "ADJUSTMENTS", currency) };
}

/** Entries moving each amount from ADJUSTMENTS to the open account (negative: back). */
const entriesMoving = (ctx: DomainContext, accounts: { open: { id: string }; adjustments: { id: string } }, amounts: number[]) =>
  amounts.map((amountMinor) => ({
    ...entryArgument(ctx, newId(), { kind: "ADJUSTMENT", causeType: "test" }),
    postings: [
      { id: newId(), accountId: accounts.adjustments.id, amountMinor: -amountMinor },
      { id: newId(), accountId: accounts.open.id, amountMinor },
    ],
  }));

async function postBatch(ctx: DomainContext, entries: object[]) {
  const [row] = rowsOf<{ result: Record<string, number>[] }>(
    await ctx.db.execute(sql`select ledger_post_entry_batch(${JSON.stringify(entries)}::jsonb) as result`),
  );
  return row!.result;
}

const balanceOf = async (ctx: DomainContext, accountId: string) =>
  (await ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, accountId)))[0]!.balanceMinor;

describe("ledger_post_entry_batch", () => {
  it("posts the entries in order: each one's balances and running balances count the entries before it", async () => {
    const ctx = await contextAs("finance");
    const accounts = await openWith100(ctx);
    const entries = entriesMoving(ctx, accounts, [500, -200, 50]);

    const balances = await postBatch(ctx, entries);

    expect(balances).toEqual([{ [accounts.open.id]: 600 }, { [accounts.open.id]: 400 }, { [accounts.open.id]: 450 }]);
    const postings = await ctx.db
      .select()
      .from(ledgerPostings)
      .where(inArray(ledgerPostings.entryId, entries.map((e) => e.id)));
    const runningOf = (entryId: string) => postings.find((p) => p.entryId === entryId && p.accountId === accounts.open.id)!.balanceAfterMinor;
    expect(entries.map((e) => runningOf(e.id))).toEqual([600, 400, 450]);
    expect(await balanceOf(ctx, accounts.open.id)).toBe(450);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("refuses the whole batch when an account would dip below zero after one entry, though later ones bring it back", async () => {
    const ctx = await contextAs("finance");
    const accounts = await openWith100(ctx);
    const entries = entriesMoving(ctx, accounts, [-200, 500]);

    const failure = await postBatch(ctx, entries).then(() => null, (error: unknown) => error);

    expect(sqlState(failure)).toBe("TS402");
    expect(await balanceOf(ctx, accounts.open.id)).toBe(100);
    expect(await ctx.db.select().from(journalEntries).where(inArray(journalEntries.id, entries.map((e) => e.id)))).toEqual([]);
  });

  it("refuses the whole batch when one of its entries does not balance, naming the currency", async () => {
    const ctx = await contextAs("finance");
    const accounts = await openWith100(ctx);
    const [good, bad] = entriesMoving(ctx, accounts, [10, 20]);
    bad!.postings[1]!.amountMinor = 25;

    const failure = await postBatch(ctx, [good!, bad!]).then(() => null, (error: unknown) => error);

    expect(String(sqlFunctionError(failure, {}))).toMatch(/Journal entry does not balance in B.. \(5\)/);
    expect(await balanceOf(ctx, accounts.open.id)).toBe(100);
    expect(await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, good!.id))).toEqual([]);
  });
});
