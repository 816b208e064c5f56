import { and, eq, isNull, sql } from "drizzle-orm";
import { ledgerAccounts } from "@/db/schema";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import type { LedgerAccountKind, SystemAccountKind } from "./kinds";

/** An account as postings need it: wallet accounts are balance-checked, system accounts sharded. */
export interface AccountRef {
  id: string;
  kind: LedgerAccountKind;
  currency: string;
  walletId: string | null;
}

export const accountRef = (row: typeof ledgerAccounts.$inferSelect): AccountRef => ({
  id: row.id,
  kind: row.kind,
  currency: row.currency,
  walletId: row.walletId,
});

export interface SystemAccountScope {
  /** PASS_LIABILITY: the plan. */
  passPlanId?: string;
  /** REWARD_FUNDING: the funding organisation; none is the business. */
  organisationId?: string;
}

const eqOrNull = <T extends typeof ledgerAccounts.passPlanId | typeof ledgerAccounts.organisationId>(column: T, value: string | undefined) =>
  value ? eq(column, value) : isNull(column);

/**
 * System accounts already committed, per process: they are never changed or deleted, so one
 * lookup per process is enough. Only rows created before the current transaction began
 * (created_at < now()) are cached: one created by this transaction could still roll back.
 */
const committedSystemAccounts = new Map<string, AccountRef>();

/** The system account of a kind and currency (and plan or funder), created on first use. */
export async function systemAccount(
  ctx: DomainContext,
  kind: SystemAccountKind,
  currency: string,
  scope: SystemAccountScope = {},
): Promise<AccountRef> {
  const cacheKey = `${kind}|${currency}|${scope.passPlanId ?? ""}|${scope.organisationId ?? ""}`;
  const cached = committedSystemAccounts.get(cacheKey);
  if (cached) return cached;
  const where = and(
    eq(ledgerAccounts.kind, kind),
    eq(ledgerAccounts.currency, currency),
    isNull(ledgerAccounts.walletId),
    isNull(ledgerAccounts.commercePoolId),
    eqOrNull(ledgerAccounts.passPlanId, scope.passPlanId),
    eqOrNull(ledgerAccounts.organisationId, scope.organisationId),
  );
  const [found] = await ctx.db
    .select({ account: ledgerAccounts, committed: sql<boolean>`${ledgerAccounts.createdAt} < now()` })
    .from(ledgerAccounts)
    .where(where);
  if (found) {
    const ref = accountRef(found.account);
    if (found.committed) committedSystemAccounts.set(cacheKey, ref);
    return ref;
  }
  await ctx.db
    .insert(ledgerAccounts)
    .values({ id: newId(), kind, currency, passPlanId: scope.passPlanId ?? null, organisationId: scope.organisationId ?? null })
    .onConflictDoNothing();
  const [created] = await ctx.db.select().from(ledgerAccounts).where(where);
  if (!created) throw new Error(`System account ${kind} ${currency} could not be created.`);
  return accountRef(created);
}

/** A system account's balance: the sum of its shards. */
export const systemBalanceSql = (accountId: string) =>
  sql<number>`(select coalesce(sum(balance_minor), 0)::bigint from ledger_balance_shards where account_id = ${accountId})`;
