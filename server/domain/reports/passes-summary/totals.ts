import { and, eq, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { currencies, passes, passesSummary, passesSummaryDeltas, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { assertSafeMinor } from "../../money";
import { splitByDay, type DaySplit } from "./day-split";
import { dateColumns, namelessFundsByPass, passesSummaryWhere, passFiltersWhere, planOfType, within } from "./query";
import type { PassesSummaryDateField, PassesSummaryFilters } from "./schemas";

export interface PassesSummaryCurrencyTotals {
  /** null: promotion passes, which carry no money (only counted). */
  currency: string | null;
  minorUnits: number | null;
  passes: number;
  initialValueMinor: number;
  redeemedValueMinor: number;
  availableBalanceMinor: number;
}

export interface PassesSummaryTotals {
  /** Every pass matching the filters, all currencies together. */
  passes: number;
  /** One row per currency (amounts in different currencies are never added together). */
  byCurrency: PassesSummaryCurrencyTotals[];
}

interface TotalsRow {
  currency: string | null;
  minor_units: number | null;
  passes: string | number;
  initial: string | number;
  redeemed: string | number;
  available: string | number;
}

/**
 * Totals per currency under the report's filters, exact and current, in one statement (one
 * snapshot) that reads few rows at any number of passes:
 * - passes_summary rows for the filter's key (organisation scope, plan, state) and, with a date
 *   range, the whole UTC days inside it;
 * - the deltas the triggers appended since the last roll-up, under the same key and days;
 * - the passes of the partial days at the range's ends, read one by one (an index range);
 * - the nameless-wallet funds of gift passes, driven from the credit lots (few).
 */
export async function passesSummaryTotals(ctx: DomainContext, filters: PassesSummaryFilters): Promise<PassesSummaryTotals> {
  const byCurrency = rowsOf<TotalsRow>(await ctx.db.execute(totalsQuery(filters))).map((row) => ({
    currency: row.currency,
    minorUnits: row.minor_units === null ? null : Number(row.minor_units),
    passes: assertSafeMinor(Number(row.passes)),
    initialValueMinor: assertSafeMinor(Number(row.initial)),
    redeemedValueMinor: assertSafeMinor(Number(row.redeemed)),
    availableBalanceMinor: assertSafeMinor(Number(row.available)),
  }));
  return { passes: byCurrency.reduce((sum, row) => sum + row.passes, 0), byCurrency };
}

type SummaryTable = typeof passesSummary | typeof passesSummaryDeltas;

/** The rows of a summary table under the filters other than dates. */
function keyWhere(table: SummaryTable, filters: PassesSummaryFilters) {
  return and(
    filters.organisationId ? eq(table.organisationId, filters.organisationId) : isNull(table.organisationId),
    filters.planId ? eq(table.planId, filters.planId) : undefined,
    filters.type ? planOfType(table.planId, filters.type) : undefined,
    filters.state ? eq(table.state, filters.state) : undefined,
  );
}

const amountsOf = (table: SummaryTable) =>
  sql`${table.currency} as currency, ${table.passes} as passes, ${table.initialMinor} as initial, ${table.redeemedMinor} as redeemed, ${table.remainingMinor} as available`;

const deltaDays: Record<PassesSummaryDateField, AnyColumn> = {
  issued: passesSummaryDeltas.issuedOn,
  activated: passesSummaryDeltas.activatedOn,
  redeemed: passesSummaryDeltas.redeemedOn,
  expires: passesSummaryDeltas.expiresOn,
};

/** Rolled-up rows and pending deltas of the key, over the whole days (all of them without a date filter). */
function summarisedParts(filters: PassesSummaryFilters, byDate: DaySplit | undefined): SQL[] {
  if (byDate && !byDate.wholeDays) return [];
  const days = byDate?.wholeDays;
  const rolledUp = and(
    eq(passesSummary.facet, days ? filters.dateField : "any"),
    keyWhere(passesSummary, filters),
    days ? within(passesSummary.day, days) : undefined,
  );
  const pending = and(keyWhere(passesSummaryDeltas, filters), days ? within(deltaDays[filters.dateField], days) : undefined);
  return [
    sql`select ${amountsOf(passesSummary)} from ${passesSummary} where ${rolledUp}`,
    sql`select ${amountsOf(passesSummaryDeltas)} from ${passesSummaryDeltas} where ${pending}`,
  ];
}

/** The passes of the partial days at the ends of a date range, summed one by one. */
function edgePart(filters: PassesSummaryFilters, byDate: DaySplit | undefined): SQL[] {
  if (!byDate || byDate.edges.length === 0) return [];
  const date = dateColumns[filters.dateField];
  return [
    sql`select ${passes.currency} as currency, count(*) as passes,
        coalesce(sum(${passes.initialValueMinor}), 0) as initial,
        coalesce(sum(${passes.initialValueMinor} - ${passes.remainingValueMinor}), 0) as redeemed,
        coalesce(sum(${passes.remainingValueMinor}), 0) as available
      from ${passes} where ${and(passFiltersWhere(filters), or(...byDate.edges.map((edge) => within(date, edge))))}
      group by ${passes.currency}`,
  ];
}

/** What gift passes under the filters add to the available balance through the nameless wallets they funded. */
function namelessPart(filters: PassesSummaryFilters): SQL {
  return sql`select ${passes.currency}, 0, 0, 0, sum(nameless.funds)
    from (${namelessFundsByPass}) nameless
    join ${passes} on ${passes.id} = nameless.pass_id
    join ${passPlans} on ${passPlans.id} = ${passes.planId} and ${passPlans.type} = 'GIFT'
    where ${passesSummaryWhere(filters) ?? sql`true`} and ${passes.remainingValueMinor} is not null
    group by ${passes.currency}`;
}

function totalsQuery(filters: PassesSummaryFilters) {
  const byDate = filters.from || filters.to ? splitByDay(filters) : undefined;
  const parts = [...summarisedParts(filters, byDate), ...edgePart(filters, byDate), namelessPart(filters)];
  // A key whose passes all moved elsewhere keeps a zero row until the roll-up prunes it.
  return sql`
    select t.currency, ${currencies.minorUnits} as minor_units,
      sum(t.passes)::bigint as passes, sum(t.initial)::bigint as initial,
      sum(t.redeemed)::bigint as redeemed, sum(t.available)::bigint as available
    from (${sql.join(parts, sql` union all `)}) t
    left join ${currencies} on ${currencies.code} = t.currency
    group by t.currency, ${currencies.minorUnits}
    having sum(t.passes) <> 0
    order by t.currency nulls last`;
}
