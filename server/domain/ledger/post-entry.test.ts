import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journalEntries, ledgerAccounts, ledgerBalanceShards, ledgerPostings } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { createContact } from "../contacts/create";
import { refusal, uniqueEmail } from "../contacts/test-fixtures";
import { inTransaction, type DomainContext } from "../context";
import { ensureWallet, heldAccount, openAccount } from "../wallet/wallets";
import { systemAccount } from "./accounts";
import { postEntry } from "./post-entry";
import { verifyLedger } from "./verify";

testDatabase();

/** A currency of this test alone: other files post to the same system accounts in parallel. */
const ownCurrency = () => `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26))}`;

async function walletWithAccounts(ctx: DomainContext, currency: string) {
  const contact = await createContact(ctx, { email: uniqueEmail() });
  const wallet = await ensureWallet(ctx, contact.id, currency);
  // Raw postings go to open and held funds: pockets are credited only through credit lots.
  return { wallet, open: await openAccount(ctx, wallet), held: await heldAccount(ctx, wallet) };
}

const balanceOf = async (ctx: DomainContext, accountId: string) =>
  (await ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, accountId)))[0]!.balanceMinor;

describe("postEntry", () => {
  it("writes the entry, its postings with running balances, and spreads the system side over shards", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const { open, held } = await walletWithAccounts(ctx, currency);
    const funding = await systemAccount(ctx, "ADJUSTMENTS", currency);
    const entry = await postEntry(ctx, {
      kind: "ADJUSTMENT",
      causeType: "test",
      memo: "two credits",
      postings: [
        { account: funding, amountMinor: -700 },
        { account: open, amountMinor: 500 },
        { account: held, amountMinor: 200 },
      ],
    });
    expect(entry.walletBalances).toEqual(new Map([[open.id, 500], [held.id, 200]]));
    const [row] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id));
    expect(row).toMatchObject({ kind: "ADJUSTMENT", actorType: "user", actorId: ctx.actor.id, actorLabel: ctx.actor.label, memo: "two credits" });
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, entry.id));
    expect(postings.map((p) => [p.accountId, p.amountMinor, p.balanceAfterMinor]).sort()).toEqual(
      [
        [funding.id, -700, null],
        [open.id, 500, 500],
        [held.id, 200, 200],
      ].sort(),
    );
    const shards = await ctx.db.select().from(ledgerBalanceShards).where(eq(ledgerBalanceShards.accountId, funding.id));
    expect(shards.reduce((sum, s) => sum + s.balanceMinor, 0)).toBe(-700);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("refuses an entry that would take a wallet account below zero, and writes nothing of it", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const { open } = await walletWithAccounts(ctx, currency);
    const settlement = await systemAccount(ctx, "SETTLEMENT", currency);
    const entriesBefore = (await ctx.db.select({ id: journalEntries.id }).from(journalEntries)).length;
    const err = await refusal(
      inTransaction(ctx, (tx) => postEntry(tx, { kind: "SPEND", causeType: "test", postings: [{ account: open, amountMinor: -1 }, { account: settlement, amountMinor: 1 }] })),
    );
    expect(err.code).toBe("INSUFFICIENT_FUNDS");
    expect(await balanceOf(ctx, open.id)).toBe(0);
    expect((await ctx.db.select({ id: journalEntries.id }).from(journalEntries)).length).toBe(entriesBefore);
    expect(await ctx.db.select().from(ledgerBalanceShards).where(eq(ledgerBalanceShards.accountId, settlement.id))).toEqual([]);
  });

  it("refuses postings that do not balance per currency, fewer than two, or zero amounts", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    let otherCurrency = ownCurrency();
    while (otherCurrency === currency) otherCurrency = ownCurrency();
    const { open } = await walletWithAccounts(ctx, currency);
    const other = await walletWithAccounts(ctx, otherCurrency);
    const funding = await systemAccount(ctx, "ADJUSTMENTS", currency);
    const otherFunding = await systemAccount(ctx, "ADJUSTMENTS", otherCurrency);
    const post = (postings: Parameters<typeof postEntry>[1]["postings"]) => postEntry(ctx, { kind: "ADJUSTMENT", causeType: "test", postings });
    await expect(post([{ account: funding, amountMinor: -100 }, { account: open, amountMinor: 99 }])).rejects.toThrow(`does not balance in ${currency}`);
    await expect(post([{ account: funding, amountMinor: -100 }, { account: other.open, amountMinor: 100 }])).rejects.toThrow(/does not balance/);
    await expect(post([{ account: open, amountMinor: 0 }, { account: funding, amountMinor: 0 }])).rejects.toThrow(/Invalid posting amount/);
    await expect(post([{ account: open, amountMinor: 100 }])).rejects.toThrow(/at least two postings/);
    await post([
      { account: funding, amountMinor: -100 },
      { account: open, amountMinor: 100 },
      { account: otherFunding, amountMinor: -3 },
      { account: other.open, amountMinor: 3 },
    ]);
    expect([await balanceOf(ctx, open.id), await balanceOf(ctx, other.open.id)]).toEqual([100, 3]);
  });

  it("keeps a wallet exact under parallel debits: never below zero, every cent accounted for", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const { open } = await walletWithAccounts(ctx, currency);
    const funding = await systemAccount(ctx, "ADJUSTMENTS", currency);
    const settlement = await systemAccount(ctx, "SETTLEMENT", currency);
    await postEntry(ctx, { kind: "ADJUSTMENT", causeType: "test", postings: [{ account: funding, amountMinor: -1000 }, { account: open, amountMinor: 1000 }] });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        inTransaction(ctx, (tx) => postEntry(tx, { kind: "SPEND", causeType: "test", postings: [{ account: open, amountMinor: -70 }, { account: settlement, amountMinor: 70 }] })),
      ),
    );
    const spent = results.filter((r) => r.status === "fulfilled").length;
    expect(spent).toBe(14);
    expect(await balanceOf(ctx, open.id)).toBe(1000 - 14 * 70);
    const entryIds = (await ctx.db.select({ id: ledgerPostings.entryId }).from(ledgerPostings).where(eq(ledgerPostings.accountId, open.id))).map((r) => r.id);
    expect(await ctx.db.select().from(journalEntries).where(inArray(journalEntries.id, entryIds))).toHaveLength(15);
    expect((await verifyLedger(ctx)).ok).toBe(true);
  });
});
