import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { commercePools, creditLots, ledgerAccounts, productFamilies, wallets } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { pageOf, type Page } from "../../paging";
import { expiringSoonDays } from "./contact-wallets";
import type { CreditLotStatus, ListCreditLotsInput } from "./schemas";

/** The wallet a read names, or NOT_FOUND. */
export async function requireWallet(ctx: DomainContext, walletId: string) {
  const [wallet] = await ctx.db.select().from(wallets).where(eq(wallets.id, walletId));
  if (!wallet) throw notFound("Wallet");
  return wallet;
}

export interface CreditLotView {
  id: string;
  currency: string;
  /** The pool of the pocket it sits in; null: the business pocket. */
  commercePoolId: string | null;
  poolName: string | null;
  amountMinor: number;
  remainingMinor: number;
  /** null: never expires. */
  expiresAt: Date | null;
  /** When the expiry job moved what was left to breakage. */
  expiredAt: Date | null;
  /** Unexpired, with money left, expiring within the next 30 days. */
  expiringSoon: boolean;
  productSkus: string[];
  /** Names of the product families it may be consumed on (ids when a family is gone). */
  productFamilies: string[];
  sourceType: string;
  sourceId: string | null;
  createdAt: Date;
}

function statusWhere(status: CreditLotStatus, now: Date): SQL | undefined {
  const expired = or(isNotNull(creditLots.expiredAt), lte(creditLots.expiresAt, now));
  if (status === "expired") return expired;
  if (status === "open") return and(gt(creditLots.remainingMinor, 0), isNull(creditLots.expiredAt), or(isNull(creditLots.expiresAt), gt(creditLots.expiresAt, now)));
  return undefined;
}

/**
 * A wallet's credit lots (D3) with what remains, expiry and product conditions. Open lots come
 * in the order debits consume them (soonest expiry first, never-expiring last); expired and
 * all lots newest first.
 */
export async function listCreditLots(ctx: DomainContext, input: ListCreditLotsInput, now = new Date()): Promise<Page<CreditLotView>> {
  await requireWallet(ctx, input.walletId);
  const where = and(eq(creditLots.walletId, input.walletId), statusWhere(input.status, now));
  const order = input.status === "open" ? [sql`${creditLots.expiresAt} asc nulls last`, asc(creditLots.id)] : [desc(creditLots.createdAt), desc(creditLots.id)];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ lot: creditLots, commercePoolId: ledgerAccounts.commercePoolId, poolName: commercePools.name })
      .from(creditLots)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, creditLots.accountId))
      .leftJoin(commercePools, eq(commercePools.id, ledgerAccounts.commercePoolId))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ n: count() }).from(creditLots).where(where),
  ]);
  const familyIds = [...new Set(rows.flatMap((r) => r.lot.productFamilyIds))];
  const families = familyIds.length
    ? await ctx.db.select({ id: productFamilies.id, name: productFamilies.name }).from(productFamilies).where(inArray(productFamilies.id, familyIds))
    : [];
  const familyName = new Map(families.map((f) => [f.id, f.name]));
  const horizon = now.getTime() + expiringSoonDays * 86_400_000;
  return pageOf(
    rows.map(({ lot, commercePoolId, poolName }) => ({
      id: lot.id,
      currency: lot.currency,
      commercePoolId,
      poolName,
      amountMinor: lot.amountMinor,
      remainingMinor: lot.remainingMinor,
      expiresAt: lot.expiresAt,
      expiredAt: lot.expiredAt,
      expiringSoon:
        lot.remainingMinor > 0 && !lot.expiredAt && lot.expiresAt !== null && lot.expiresAt.getTime() > now.getTime() && lot.expiresAt.getTime() <= horizon,
      productSkus: lot.productSkus,
      productFamilies: lot.productFamilyIds.map((id) => familyName.get(id) ?? id),
      sourceType: lot.sourceType,
      sourceId: lot.sourceId,
      createdAt: lot.createdAt,
    })),
    total?.n ?? 0,
    input,
  );
}
