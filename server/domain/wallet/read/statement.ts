import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { DomainContext } from "../../context";
import type { JournalEntryKind, WalletAccountKind } from "../../ledger/kinds";
import { pageOf, type Page } from "../../paging";
import { requireWallet } from "./credit-lots";
import type { StatementFilters, WalletStatementInput } from "./schemas";

/** One statement line: a posting on one of the wallet's accounts, with its journal entry. */
export interface StatementLine {
  postingId: string;
  entryId: string;
  at: Date;
  kind: JournalEntryKind;
  causeType: string;
  causeId: string | null;
  reversesEntryId: string | null;
  memo: string | null;
  actorLabel: string;
  account: WalletAccountKind;
  /** POCKET only: its commerce pool (null: the business pocket). */
  commercePoolId: string | null;
  poolName: string | null;
  creditLotId: string | null;
  /** Signed: positive adds to the account. */
  amountMinor: number;
  /** That account's balance right after this posting, as written under its row lock. */
  accountBalanceAfterMinor: number;
  /**
   * The wallet's available funds (pockets + open) right after this posting. Held postings leave
   * it unchanged; the posting that moved the money into the hold lowered it.
   */
  availableAfterMinor: number;
}

interface LineRow {
  id: string;
  entry_id: string;
  created_at: string | Date;
  amount_minor: string | number;
  balance_after_minor: string | number;
  credit_lot_id: string | null;
  account_kind: WalletAccountKind;
  commerce_pool_id: string | null;
  pool_name: string | null;
  entry_kind: JournalEntryKind;
  cause_type: string;
  cause_id: string | null;
  reverses_entry_id: string | null;
  memo: string | null;
  actor_label: string;
  available_after_minor: string | number;
}

/**
 * Every posting of the wallet's accounts with the wallet-level running available balance.
 * Ordered by posting id, not by time: ids are UUIDv7 made by postEntry after it locked the
 * accounts, so they follow the order in which the balances actually changed, while created_at
 * is the transaction's start (a transaction that waited on the lock would sort too early).
 * The running sum is taken over the whole history before any filter, so filtering or paging
 * never changes a line's balance.
 */
const walletLines = (walletId: string) => sql`
  select p.id, p.entry_id, p.created_at, p.amount_minor, p.balance_after_minor, p.credit_lot_id,
    a.kind as account_kind, a.commerce_pool_id, cp.name as pool_name,
    e.kind as entry_kind, e.cause_type, e.cause_id, e.reverses_entry_id, e.memo, e.actor_label,
    sum(case when a.kind = 'HELD' then 0 else p.amount_minor end) over (order by p.id) as available_after_minor
  from ledger_postings p
  join ledger_accounts a on a.id = p.account_id
  join journal_entries e on e.id = p.entry_id
  left join commerce_pools cp on cp.id = a.commerce_pool_id
  where a.wallet_id = ${walletId}`;

function filterSql(filters: StatementFilters, afterId?: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.kind) parts.push(sql`l.entry_kind = ${filters.kind}`);
  if (filters.from) parts.push(sql`l.created_at >= ${filters.from.toISOString()}`);
  if (filters.to) parts.push(sql`l.created_at < ${filters.to.toISOString()}`);
  if (afterId) parts.push(sql`l.id > ${afterId}`);
  return sql.join(parts, sql` and `);
}

const toLine = (r: LineRow): StatementLine => ({
  postingId: r.id,
  entryId: r.entry_id,
  at: new Date(r.created_at),
  kind: r.entry_kind,
  causeType: r.cause_type,
  causeId: r.cause_id,
  reversesEntryId: r.reverses_entry_id,
  memo: r.memo,
  actorLabel: r.actor_label,
  account: r.account_kind,
  commercePoolId: r.commerce_pool_id,
  poolName: r.pool_name,
  creditLotId: r.credit_lot_id,
  amountMinor: Number(r.amount_minor),
  accountBalanceAfterMinor: Number(r.balance_after_minor),
  availableAfterMinor: Number(r.available_after_minor),
});

/** Lines in chronological order after a posting id (the CSV export's keyset batches). */
export async function statementLinesAfter(ctx: DomainContext, filters: StatementFilters, afterId: string | undefined, limit: number): Promise<StatementLine[]> {
  const rows = rowsOf<LineRow>(
    await ctx.db.execute(sql`select * from (${walletLines(filters.walletId)}) l where ${filterSql(filters, afterId)} order by l.id asc limit ${limit}`),
  );
  return rows.map(toLine);
}

/**
 * A wallet's statement (D4, issue #4 item 11): its journal lines newest first, filtered by date
 * range and entry kind, one page at a time, each with the account's and the wallet's running
 * balance.
 */
export async function walletStatement(ctx: DomainContext, input: WalletStatementInput): Promise<Page<StatementLine> & { currency: string }> {
  const wallet = await requireWallet(ctx, input.walletId);
  const where = filterSql(input);
  const [rows, counted] = await Promise.all([
    ctx.db.execute(sql`select * from (${walletLines(input.walletId)}) l where ${where} order by l.id desc limit ${input.pageSize} offset ${input.page * input.pageSize}`),
    ctx.db.execute(sql`select count(*)::int as n from (${walletLines(input.walletId)}) l where ${where}`),
  ]);
  const total = Number(rowsOf<{ n: number | string }>(counted)[0]?.n ?? 0);
  return { ...pageOf(rowsOf<LineRow>(rows).map(toLine), total, input), currency: wallet.currency };
}
