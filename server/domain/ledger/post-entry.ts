import type { DomainContext } from "../context";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { callSqlFunction, sqlActor, type SqlErrors } from "../sql-functions";
import type { AccountRef } from "./accounts";
import type { JournalEntryKind } from "./kinds";

export interface PostingInput {
  account: AccountRef;
  /** Signed minor units: positive adds to the account's balance, negative takes from it. */
  amountMinor: number;
  creditLotId?: string | null;
}

export interface EntryInput {
  /** Chosen by the caller when records written alongside the entry must name it; else new. */
  id?: string;
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

/** A wallet account would go below zero: the database refused the whole entry. */
export const ledgerErrors: SqlErrors = {
  TS402: () => new DomainError("INSUFFICIENT_FUNDS", "Not enough funds in the wallet."),
};

/** The entry as `ledger_post_entry` takes it; posting ids are time-ordered so statements list them in order. */
export function entryArgument(ctx: DomainContext, id: string, input: Omit<EntryInput, "postings">) {
  return {
    id,
    kind: input.kind,
    causeType: input.causeType,
    causeId: input.causeId ?? null,
    reversesEntryId: input.reversesEntryId ?? null,
    memo: input.memo ?? null,
    actor: sqlActor(ctx),
  };
}

/**
 * Writes one journal entry (D4) in one statement (`ledger_post_entry`), in the caller's
 * transaction if there is one: the entry, its postings with running balances, and the cached
 * balances. Invariants, enforced by the database function: two or more postings summing to zero
 * per currency; wallet accounts locked in id order and never below zero (INSUFFICIENT_FUNDS,
 * nothing written, and the caller's transaction rolls back); hot system accounts never locked
 * (their change goes to a balance shard); entries are only ever inserted.
 */
export async function postEntry(ctx: DomainContext, input: EntryInput): Promise<PostedEntry> {
  const id = input.id ?? newId();
  const balances = await callSqlFunction<Record<string, number>>(
    ctx,
    "ledger_post_entry",
    {
      ...entryArgument(ctx, id, input),
      postings: input.postings.map((p) => ({ id: newId(), accountId: p.account.id, amountMinor: p.amountMinor, creditLotId: p.creditLotId ?? null })),
    },
    ledgerErrors,
  );
  return { id, walletBalances: new Map(Object.entries(balances)) };
}
