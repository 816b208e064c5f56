import { sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import { journalEntries, ledgerPostings } from "@/db/schema";
import { atomically, type DomainContext } from "../context";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { balanceShards, type AccountRef } from "./accounts";
import type { JournalEntryKind } from "./kinds";

export interface PostingInput {
  account: AccountRef;
  /** Signed minor units: positive adds to the account's balance, negative takes from it. */
  amountMinor: number;
  creditLotId?: string | null;
}

export interface EntryInput {
  kind: JournalEntryKind;
  causeType: string;
  causeId?: string | null;
  reversesEntryId?: string | null;
  memo?: string | null;
  postings: PostingInput[];
}

export interface PostedEntry {
  id: string;
  /** Wallet accounts touched, with their balance after the entry. */
  walletBalances: Map<string, number>;
}

/** Refuses an entry that is not double entry: two or more non-zero postings summing to 0 per currency. */
function assertBalanced(postings: readonly PostingInput[]) {
  if (postings.length < 2) throw new Error("A journal entry needs at least two postings.");
  const sums = new Map<string, number>();
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor === 0) throw new Error(`Invalid posting amount ${p.amountMinor}.`);
    sums.set(p.account.currency, (sums.get(p.account.currency) ?? 0) + p.amountMinor);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new Error(`Journal entry does not balance in ${currency}: ${sum}.`);
  }
}

function netPerAccount(postings: readonly PostingInput[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const p of postings) net.set(p.account.id, (net.get(p.account.id) ?? 0) + p.amountMinor);
  return net;
}

/**
 * Applies the wallet accounts' deltas under row locks taken in account-id order (so two
 * commands touching the same wallets never deadlock), refusing any that would go below zero.
 * Invariant: a wallet account's balance never drops below 0; if one would, nothing is written.
 */
async function applyWalletDeltas(ctx: DomainContext, deltas: Map<string, number>): Promise<Map<string, number>> {
  const ids = [...deltas.keys()].sort();
  if (ids.length === 0) return new Map();
  const amounts = ids.map((id) => deltas.get(id)!);
  const rows = rowsOf<{ id: string; balance_minor: string | number }>(
    await ctx.db.execute(sql`
      with locked as (
        select id from ledger_accounts where id = any(${arrayLiteral(ids)}::uuid[]) order by id for update
      )
      update ledger_accounts a set balance_minor = a.balance_minor + d.delta
      from unnest(${arrayLiteral(ids)}::uuid[], ${arrayLiteral(amounts)}::bigint[]) as d(id, delta), locked
      where a.id = d.id and locked.id = d.id and a.balance_minor + d.delta >= 0
      returning a.id, a.balance_minor`),
  );
  if (rows.length !== ids.length) {
    throw new DomainError("INSUFFICIENT_FUNDS", "Not enough funds in the wallet.");
  }
  return new Map(rows.map((r) => [r.id, Number(r.balance_minor)]));
}

/**
 * Adds the system accounts' deltas to one random shard each: parallel redemptions of one plan
 * append postings and increment different rows instead of queueing on one hot balance.
 */
async function applySystemDeltas(ctx: DomainContext, deltas: Map<string, number>) {
  const ids = [...deltas.keys()].sort();
  if (ids.length === 0) return;
  const shards = ids.map(() => Math.floor(Math.random() * balanceShards));
  await ctx.db.execute(sql`
    insert into ledger_balance_shards (account_id, shard, balance_minor)
    select * from unnest(${arrayLiteral(ids)}::uuid[], ${arrayLiteral(shards)}::smallint[], ${arrayLiteral(ids.map((id) => deltas.get(id)!))}::bigint[])
    on conflict (account_id, shard) do update set balance_minor = ledger_balance_shards.balance_minor + excluded.balance_minor`);
}

/**
 * Writes one journal entry (D4) in the caller's transaction: the entry, its postings, and the
 * cached balances. Invariants: postings sum to zero per currency; no wallet account goes below
 * zero (INSUFFICIENT_FUNDS, and the caller's transaction rolls back); entries are only ever
 * inserted, never updated or deleted.
 */
export async function postEntry(ctx: DomainContext, input: EntryInput): Promise<PostedEntry> {
  assertBalanced(input.postings);
  return atomically(ctx, (tx) => writeEntry(tx, input));
}

async function writeEntry(ctx: DomainContext, input: EntryInput): Promise<PostedEntry> {
  const net = netPerAccount(input.postings);
  const walletDeltas = new Map<string, number>();
  const systemDeltas = new Map<string, number>();
  for (const p of input.postings) {
    const delta = net.get(p.account.id)!;
    if (p.account.walletId) walletDeltas.set(p.account.id, delta);
    else if (delta !== 0) systemDeltas.set(p.account.id, delta);
  }
  const walletBalances = await applyWalletDeltas(ctx, walletDeltas);
  await applySystemDeltas(ctx, systemDeltas);

  const id = newId();
  await ctx.db.insert(journalEntries).values({
    id,
    kind: input.kind,
    causeType: input.causeType,
    causeId: input.causeId ?? null,
    reversesEntryId: input.reversesEntryId ?? null,
    memo: input.memo ?? null,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
  });
  // Running balances for statements: walk back from each account's final balance.
  const after = new Map(walletBalances);
  const balanceAfter = input.postings.map(() => null as number | null);
  for (let i = input.postings.length - 1; i >= 0; i--) {
    const p = input.postings[i]!;
    const current = after.get(p.account.id);
    if (current === undefined) continue;
    balanceAfter[i] = current;
    after.set(p.account.id, current - p.amountMinor);
  }
  await ctx.db.insert(ledgerPostings).values(
    input.postings.map((p, i) => ({
      id: newId(),
      entryId: id,
      accountId: p.account.id,
      amountMinor: p.amountMinor,
      currency: p.account.currency,
      creditLotId: p.creditLotId ?? null,
      balanceAfterMinor: p.account.walletId ? balanceAfter[i] : null,
    })),
  );
  return { id, walletBalances };
}
