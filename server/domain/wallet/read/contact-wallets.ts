import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { commercePools, contacts, creditLots, currencies, wallets } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { walletBalances, type PocketBalance, type WalletBalances } from "../balances";
import type { ContactWalletsInput } from "./schemas";

/** How far ahead "expiring soon" looks (issue #4 item 8: the next 30 days). */
export const expiringSoonDays = 30;

export interface PocketView extends PocketBalance {
  /** The commerce pool's name; null for the business pocket. */
  poolName: string | null;
}

export interface ContactWallet extends Omit<WalletBalances, "pockets"> {
  createdAt: Date;
  /** Decimal places of the currency (2 when the currency is not configured), for amount inputs. */
  minorUnits: number;
  pockets: PocketView[];
  /** Remaining value of unexpired lots whose expiry falls within the next `expiringSoonDays`. */
  expiringSoonMinor: number;
  /** The soonest of those expiries; null when nothing expires soon. */
  nextExpiryAt: Date | null;
}

/**
 * The contact's wallets, one per currency (D3), with their balances per pocket (named by pool),
 * open and held funds, and what expires in the next 30 days. Oldest wallet first.
 */
export async function contactWallets(ctx: DomainContext, input: ContactWalletsInput, now = new Date()): Promise<ContactWallet[]> {
  const [contact] = await ctx.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, input.contactId));
  if (!contact) throw notFound("Contact");
  const rows = await ctx.db.select().from(wallets).where(eq(wallets.contactId, input.contactId)).orderBy(asc(wallets.createdAt), asc(wallets.id));
  if (rows.length === 0) return [];
  const walletIds = rows.map((w) => w.id);
  const horizon = new Date(now.getTime() + expiringSoonDays * 86_400_000);
  const [balances, units, soon] = await Promise.all([
    Promise.all(walletIds.map((id) => walletBalances(ctx, id))),
    ctx.db.select({ code: currencies.code, minorUnits: currencies.minorUnits }).from(currencies).where(inArray(currencies.code, [...new Set(rows.map((w) => w.currency))])),
    ctx.db
      .select({
        walletId: creditLots.walletId,
        remainingMinor: sql<number>`sum(${creditLots.remainingMinor})::bigint`.mapWith(Number),
        nextExpiryAt: sql<Date>`min(${creditLots.expiresAt})`.mapWith((v: string | Date) => new Date(v)),
      })
      .from(creditLots)
      .where(
        and(
          inArray(creditLots.walletId, walletIds),
          gt(creditLots.remainingMinor, 0),
          isNotNull(creditLots.expiresAt),
          gt(creditLots.expiresAt, now),
          lte(creditLots.expiresAt, horizon),
        ),
      )
      .groupBy(creditLots.walletId),
  ]);
  const poolIds = [...new Set(balances.flatMap((b) => b.pockets.map((p) => p.commercePoolId)).filter((id): id is string => id !== null))];
  const pools = poolIds.length
    ? await ctx.db.select({ id: commercePools.id, name: commercePools.name }).from(commercePools).where(inArray(commercePools.id, poolIds))
    : [];
  const poolName = new Map(pools.map((p) => [p.id, p.name]));
  return rows.map((wallet, i) => {
    const b = balances[i]!;
    const expiring = soon.find((s) => s.walletId === wallet.id);
    return {
      ...b,
      currency: wallet.currency,
      createdAt: wallet.createdAt,
      minorUnits: units.find((u) => u.code === wallet.currency)?.minorUnits ?? 2,
      pockets: b.pockets.map((p) => ({ ...p, poolName: p.commercePoolId ? (poolName.get(p.commercePoolId) ?? null) : null })),
      expiringSoonMinor: expiring?.remainingMinor ?? 0,
      nextExpiryAt: expiring?.nextExpiryAt ?? null,
    };
  });
}
