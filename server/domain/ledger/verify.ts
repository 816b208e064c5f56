import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { DomainContext } from "../context";

export interface LedgerProblem {
  kind: "UNBALANCED_ENTRY" | "SHORT_ENTRY" | "CACHED_BALANCE" | "NEGATIVE_WALLET_ACCOUNT" | "LOTS_VS_POCKET";
  subjectId: string;
  detail: string;
}

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  accounts: number;
  problems: LedgerProblem[];
}

/** Up to this many problems of each kind are listed; one is enough to fail. */
const listed = 100;

/**
 * Recomputes the ledger from its postings (D4) and lists every broken invariant: entries that do
 * not sum to zero per currency or have fewer than two postings, cached balances (wallet rows and
 * system shards) that differ from the sum of postings, wallet accounts below zero, and pockets
 * whose credit lots' remaining amounts do not sum to the pocket's balance.
 */
export async function verifyLedger(ctx: DomainContext): Promise<LedgerVerification> {
  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await ctx.db.execute(q));
  const problems: LedgerProblem[] = [];

  for (const r of await query<{ entry_id: string; currency: string; sum: string }>(sql`
    select entry_id, currency, sum(amount_minor)::text as sum from ledger_postings
    group by entry_id, currency having sum(amount_minor) <> 0 limit ${listed}`)) {
    problems.push({ kind: "UNBALANCED_ENTRY", subjectId: r.entry_id, detail: `postings in ${r.currency} sum to ${r.sum}` });
  }
  for (const r of await query<{ id: string; n: number }>(sql`
    select e.id, count(p.id)::int as n from journal_entries e left join ledger_postings p on p.entry_id = e.id
    group by e.id having count(p.id) < 2 limit ${listed}`)) {
    problems.push({ kind: "SHORT_ENTRY", subjectId: r.id, detail: `${r.n} posting(s)` });
  }
  for (const r of await query<{ id: string; cached: string; posted: string }>(sql`
    with posted as (select account_id, sum(amount_minor) as total from ledger_postings group by account_id),
    sharded as (select account_id, sum(balance_minor) as total from ledger_balance_shards group by account_id)
    select a.id,
      (case when a.wallet_id is null then coalesce(s.total, 0) else a.balance_minor end)::text as cached,
      coalesce(p.total, 0)::text as posted
    from ledger_accounts a left join posted p on p.account_id = a.id left join sharded s on s.account_id = a.id
    where (case when a.wallet_id is null then coalesce(s.total, 0) else a.balance_minor end) <> coalesce(p.total, 0)
    limit ${listed}`)) {
    problems.push({ kind: "CACHED_BALANCE", subjectId: r.id, detail: `cached ${r.cached}, postings sum to ${r.posted}` });
  }
  for (const r of await query<{ id: string; balance: string }>(sql`
    select id, balance_minor::text as balance from ledger_accounts where wallet_id is not null and balance_minor < 0 limit ${listed}`)) {
    problems.push({ kind: "NEGATIVE_WALLET_ACCOUNT", subjectId: r.id, detail: `balance ${r.balance}` });
  }
  for (const r of await query<{ id: string; balance: string; lots: string }>(sql`
    select a.id, a.balance_minor::text as balance, coalesce(sum(l.remaining_minor), 0)::text as lots
    from ledger_accounts a left join credit_lots l on l.account_id = a.id
    where a.kind = 'POCKET' group by a.id having a.balance_minor <> coalesce(sum(l.remaining_minor), 0) limit ${listed}`)) {
    problems.push({ kind: "LOTS_VS_POCKET", subjectId: r.id, detail: `balance ${r.balance}, lots' remaining sum to ${r.lots}` });
  }
  const [counts] = await query<{ entries: number; accounts: number }>(sql`
    select (select count(*) from journal_entries)::int as entries, (select count(*) from ledger_accounts)::int as accounts`);
  return { ok: problems.length === 0, entries: counts?.entries ?? 0, accounts: counts?.accounts ?? 0, problems };
}
