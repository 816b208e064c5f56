import { sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import type { DomainContext } from "../context";

/**
 * Wallet commands lock the ledger accounts they will touch before reading lots or balances, in
 * account-id order: the one global order (postEntry keeps it too), so two commands never wait on
 * each other crosswise. Locking a subset of a wallet's accounts in that order is safe as long as a
 * command never locks a lower id after a higher one; a command that may touch any account of the
 * wallet (holds, adjustments, expiry) locks them all with `lockWallets`.
 */

/** Locks the accounts in id order and answers their balances at that moment. */
export async function lockAccounts(ctx: DomainContext, accountIds: readonly string[]): Promise<Map<string, number>> {
  const rows = rowsOf<{ id: string; balance_minor: string | number }>(
    await ctx.db.execute(
      sql`select id, balance_minor from ledger_accounts where id = any(${arrayLiteral([...new Set(accountIds)].sort())}::uuid[]) order by id for update`,
    ),
  );
  return new Map(rows.map((r) => [r.id, Number(r.balance_minor)]));
}

/** Locks every account of the wallets, in id order. */
export async function lockWallets(ctx: DomainContext, walletIds: readonly string[]): Promise<void> {
  if (walletIds.length === 0) return;
  await ctx.db.execute(sql`
    select id from ledger_accounts where wallet_id = any(${arrayLiteral([...new Set(walletIds)])}::uuid[]) order by id for update`);
}
