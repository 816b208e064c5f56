import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, transactionsThatWrote } from "@/test/db";
import type { DomainContext } from "./context";
import type { DomainError } from "./errors";
import { callInGroupCommit } from "./group-commit";
import { newId } from "./ids";
import { systemAccount } from "./ledger/accounts";
import { entryArgument, ledgerErrors } from "./ledger/post-entry";
import { verifyLedger } from "./ledger/verify";
import { walletBalances } from "./wallet/balances";
import { emptyWallet, fundOpen } from "./wallet/wallet-test-fixtures";
import { openAccount } from "./wallet/wallets";

testDatabase();

/** A currency of this test alone: other files post to the same system accounts in parallel. */
const ownCurrency = () => `G${String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26))}`;

/**
 * `calls` entries moving `amountMinor` each between the wallet's open funds and ADJUSTMENTS, all
 * sent at once; with `onePerBatch`, as calls that may not share a batch.
 */
async function postAtOnce(ctx: DomainContext, currency: string, openId: string, calls: number, amountMinor: number, onePerBatch?: string) {
  const adjustments = await systemAccount(ctx, "ADJUSTMENTS", currency);
  const entryIds = Array.from({ length: calls }, () => newId());
  const outcomes = await Promise.allSettled(
    entryIds.map((id) =>
      callInGroupCommit(
        ctx,
        "ledger_post_entry",
        {
          ...entryArgument(ctx, id, { kind: "ADJUSTMENT", causeType: "test" }),
          postings: [
            { id: newId(), accountId: adjustments.id, amountMinor: -amountMinor },
            { id: newId(), accountId: openId, amountMinor },
          ],
        },
        { errors: ledgerErrors, onePerBatch },
      ),
    ),
  );
  return { entryIds, outcomes };
}

describe("callInGroupCommit", () => {
  it("writes calls that arrive together in shared transactions, each call once", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const wallet = await emptyWallet(ctx, currency);
    const open = await openAccount(ctx, wallet);

    const { entryIds, outcomes } = await postAtOnce(ctx, currency, open.id, 20, 150);

    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(20 * 150);
    expect(await transactionsThatWrote(ctx, "journal_entries", entryIds)).toBeLessThan(20);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("never puts two calls with the same onePerBatch key in one batch, and batches the others around them", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const wallet = await emptyWallet(ctx, currency);
    const open = await openAccount(ctx, wallet);

    const [apart, together] = await Promise.all([
      postAtOnce(ctx, currency, open.id, 8, 100, "one pass"),
      postAtOnce(ctx, currency, open.id, 8, 100),
    ]);

    expect([...apart.outcomes, ...together.outcomes].every((o) => o.status === "fulfilled")).toBe(true);
    expect(await transactionsThatWrote(ctx, "journal_entries", apart.entryIds)).toBe(8);
    expect(await transactionsThatWrote(ctx, "journal_entries", [...apart.entryIds, ...together.entryIds])).toBeLessThan(16);
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(16 * 100);
  });

  it("gives each call of a failed batch its own answer: the others are written, the refused one is not", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const wallet = await emptyWallet(ctx, currency);
    await fundOpen(ctx, wallet, 1_000);
    const open = await openAccount(ctx, wallet);

    // Twelve debits of 100 from 1,000: whatever the batches, exactly ten fit.
    const { outcomes } = await postAtOnce(ctx, currency, open.id, 12, -100);

    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r.reason as DomainError).code).toBe("INSUFFICIENT_FUNDS");
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("lets the calls behind a statement stuck on a row lock leave in a statement of their own", async () => {
    const ctx = await contextAs("finance");
    const currency = ownCurrency();
    const [held, free] = await Promise.all([emptyWallet(ctx, currency), emptyWallet(ctx, currency)]);
    const [heldOpen, freeOpen] = await Promise.all([openAccount(ctx, held), openAccount(ctx, free)]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another transaction holds the first wallet's open account, as a long spend would.
    const holder = ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select id from ledger_accounts where id = ${heldOpen.id} for update`);
      locked();
      await released;
    });
    await isLocked;

    const stuck = postAtOnce(ctx, currency, heldOpen.id, 1, 100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const passing = postAtOnce(ctx, currency, freeOpen.id, 1, 100);
    const first = await Promise.race([passing.then(() => "passed"), new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000))]);
    release();
    await holder;

    expect(first).toBe("passed");
    expect((await stuck).outcomes[0]!.status).toBe("fulfilled");
    expect((await walletBalances(ctx, held.id)).openMinor).toBe(100);
    expect((await walletBalances(ctx, free.id)).openMinor).toBe(100);
  });
});
