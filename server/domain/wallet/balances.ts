import { eq, sql } from "drizzle-orm";
import { ledgerAccounts } from "@/db/schema";
import type { DomainContext } from "../context";

export interface PocketBalance {
  accountId: string;
  /** null: the business pocket. */
  commercePoolId: string | null;
  balanceMinor: number;
}

/** A wallet's balances (D3, D4): available = pockets + open funds; held funds are not available. */
export interface WalletBalances {
  walletId: string;
  currency: string;
  pockets: PocketBalance[];
  openMinor: number;
  heldMinor: number;
  availableMinor: number;
  totalMinor: number;
}

/** A wallet account as balances are read from it. */
export interface WalletAccountBalance {
  id: string;
  kind: string;
  currency: string;
  commercePoolId: string | null;
  balanceMinor: number;
}

export async function walletBalances(ctx: DomainContext, walletId: string): Promise<WalletBalances> {
  const accounts = await ctx.db
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      currency: ledgerAccounts.currency,
      commercePoolId: ledgerAccounts.commercePoolId,
      balanceMinor: ledgerAccounts.balanceMinor,
    })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.walletId, walletId))
    .orderBy(sql`${ledgerAccounts.commercePoolId} nulls first`, ledgerAccounts.id);
  return balancesOf(walletId, accounts);
}

/** The balances of a wallet from its accounts, pockets ordered business pocket first, then by id. */
export function balancesOf(walletId: string, accounts: readonly WalletAccountBalance[]): WalletBalances {
  const pockets = accounts
    .filter((a) => a.kind === "POCKET")
    .map((a) => ({ accountId: a.id, commercePoolId: a.commercePoolId, balanceMinor: a.balanceMinor }));
  const sumOf = (kind: string) => accounts.filter((a) => a.kind === kind).reduce((s, a) => s + a.balanceMinor, 0);
  const pocketsMinor = sumOf("POCKET");
  const openMinor = sumOf("OPEN");
  const heldMinor = sumOf("HELD");
  return {
    walletId,
    currency: accounts[0]?.currency ?? "",
    pockets,
    openMinor,
    heldMinor,
    availableMinor: pocketsMinor + openMinor,
    totalMinor: pocketsMinor + openMinor + heldMinor,
  };
}
