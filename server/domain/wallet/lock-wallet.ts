import { sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import type { DomainContext } from "../context";

/**
 * Locks every ledger account of the wallets, in account-id order, before a command reads lots or
 * balances. `consumeLots` locks pockets and `postEntry` then locks pockets, open and held funds:
 * without this first lock a command holding a pocket could wait for the HELD account another
 * command locked first (lower id), and both would deadlock. With it every later lock is already
 * held. Invariant: wallet commands always take wallet-account locks in one global order.
 */
export async function lockWallets(ctx: DomainContext, walletIds: readonly string[]): Promise<void> {
  if (walletIds.length === 0) return;
  await ctx.db.execute(sql`
    select id from ledger_accounts where wallet_id = any(${arrayLiteral([...new Set(walletIds)])}::uuid[]) order by id for update`);
}
