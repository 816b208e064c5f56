import { and, eq, gte, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { contactIdentities, contacts, creditLots, ledgerAccounts, passes, passPlans, passRedemptions, wallets } from "@/db/schema";
import type { PassType } from "../../pass-plans/kinds";
import type { InstantRange } from "./day-split";
import type { PassesSummaryDateField, PassesSummaryFilters } from "./schemas";

export const dateColumns: Record<PassesSummaryDateField, AnyColumn> = {
  issued: passes.issuedAt,
  activated: passes.activatedAt,
  redeemed: passes.redeemedAt,
  expires: passes.expiresAt,
};

/** Keeps rows whose plan (column `planId`) is of the given type. */
export const planOfType = (planId: AnyColumn, type: PassType) => sql`${planId} in (select ${passPlans.id} from ${passPlans} where ${passPlans.type} = ${type})`;

/**
 * The filters other than the date range, over `passes` alone. The organisation filter keeps
 * passes with a redemption at that organisation that was not reversed: a pass "belongs" to where
 * it was used, not where it was sold (passes carry no selling organisation).
 */
export function passFiltersWhere(filters: PassesSummaryFilters): SQL | undefined {
  return and(
    filters.planId ? eq(passes.planId, filters.planId) : undefined,
    filters.type ? planOfType(passes.planId, filters.type) : undefined,
    filters.state ? eq(passes.state, filters.state) : undefined,
    filters.organisationId
      ? sql`exists (select 1 from ${passRedemptions} where ${passRedemptions.passId} = ${passes.id} and ${passRedemptions.organisationId} = ${filters.organisationId} and ${passRedemptions.reversedAt} is null)`
      : undefined,
  );
}

/** `date` within [from, to) (instants, or days as YYYY-MM-DD); an absent bound is open. */
export const within = (date: AnyColumn, { from, to }: InstantRange | { from?: string; to?: string }) =>
  and(from ? gte(date, from) : undefined, to ? lt(date, to) : undefined);

/** The WHERE of every Passes Summary query (page, totals, CSV), over `passes` alone so each query may join what it needs. */
export function passesSummaryWhere(filters: PassesSummaryFilters): SQL | undefined {
  return and(passFiltersWhere(filters), within(dateColumns[filters.dateField], filters));
}

/** How a credit lot names a pass redemption as its source: the journal cause type the wallet writes. */
const redemptionSource = "pass_redemption";

/**
 * The nameless wallets a gift pass funded: wallets of `nameless` contacts credited by a credit
 * lot whose source is one of the pass's redemptions (not reversed).
 */
const fundedNamelessWallets = (passId: SQL | AnyColumn) => sql`
  select ${creditLots.walletId} from ${creditLots}
  join ${passRedemptions} on ${passRedemptions.id} = ${creditLots.sourceId}
  where ${creditLots.sourceType} = ${redemptionSource} and ${passRedemptions.passId} = ${passId} and ${passRedemptions.reversedAt} is null`;

/** Available funds of wallets: their POCKET and OPEN accounts (HELD funds are not available). */
const availableFunds = sql`coalesce(sum(${ledgerAccounts.balanceMinor}) filter (where ${ledgerAccounts.kind} in ('POCKET', 'OPEN')), 0)`;

/**
 * The available funds of the nameless wallet(s) the outer row's pass funded; null when it funded
 * none (the usual case), so the caller falls back to the pass's own remaining value.
 */
const namelessWalletFunds = sql`(
  select ${availableFunds}
  from ${wallets}
  join ${contacts} on ${contacts.id} = ${wallets.contactId} and ${contacts.kind} = 'nameless'
  left join ${ledgerAccounts} on ${ledgerAccounts.walletId} = ${wallets.id}
  where ${wallets.id} in (${fundedNamelessWallets(passes.id)})
  having count(*) > 0)`;

/**
 * Available balance (D10): the value still redeemable from the pass (initial − redeemed, i.e.
 * its remaining value). A gift pass that funded a nameless wallet adds that wallet's available
 * funds: the holder of the code owns both. Only passes used at least once can have funded one.
 * Requires `pass_plans` joined.
 */
export const availableBalanceMinor = sql<number | null>`case
  when ${passPlans.type} = 'GIFT' and ${passes.usesCount} > 0
  then coalesce(${passes.remainingValueMinor} + ${namelessWalletFunds}, ${passes.remainingValueMinor})
  else ${passes.remainingValueMinor} end`.mapWith(Number);

/** Redeemed value: what left the pass through redemptions (initial − remaining). */
export const redeemedValueMinor = sql<number | null>`(${passes.initialValueMinor} - ${passes.remainingValueMinor})`.mapWith(Number);

/**
 * Per pass, the extra funds of nameless wallets it funded, for the totals: driven from the
 * credit lots (few) rather than probing every pass.
 */
export const namelessFundsByPass = sql`
  select ${passRedemptions.passId} as pass_id, ${availableFunds} as funds
  from ${creditLots}
  join ${passRedemptions} on ${passRedemptions.id} = ${creditLots.sourceId} and ${passRedemptions.reversedAt} is null
  join ${wallets} on ${wallets.id} = ${creditLots.walletId}
  join ${contacts} on ${contacts.id} = ${wallets.contactId} and ${contacts.kind} = 'nameless'
  left join ${ledgerAccounts} on ${ledgerAccounts.walletId} = ${wallets.id}
  where ${creditLots.sourceType} = ${redemptionSource}
  group by ${passRedemptions.passId}`;

/**
 * What a person calls the pass's contact: the names, else (registered contacts) the first
 * identity; null for nameless contacts and passes without one. Requires `contacts` left-joined.
 */
export const contactLabel = sql<string | null>`coalesce(
  nullif(concat_ws(' ', ${contacts.firstName}, ${contacts.lastName}), ''),
  case when ${contacts.kind} = 'registered' then (
    select ci.value from ${contactIdentities} ci where ci.contact_id = ${contacts.id} order by ci.type, ci.created_at limit 1
  ) end)`;

/** The keyset cursor of a row: its order date at full precision, and its id. */
export const cursorOf = (date: AnyColumn) => sql<string>`${date}::text || '|' || ${passes.id}::text`;

export function afterCursor(cursor: string, dir: "asc" | "desc", date: AnyColumn): SQL {
  const split = cursor.lastIndexOf("|");
  const at = cursor.slice(0, split);
  const id = cursor.slice(split + 1);
  return dir === "desc"
    ? sql`(${date}, ${passes.id}) < (${at}::timestamptz, ${id}::uuid)`
    : sql`(${date}, ${passes.id}) > (${at}::timestamptz, ${id}::uuid)`;
}
