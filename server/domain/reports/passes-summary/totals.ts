import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { currencies, passes, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { assertSafeMinor } from "../../money";
import { namelessFundsByPass, passesSummaryWhere } from "./query";
import type { PassesSummaryFilters } from "./schemas";

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
 * Totals per currency under the report's filters, in one statement. The pass columns are summed
 * in one pass over the matching rows (index-only on passes_plan_summary_idx when the visibility
 * map allows); the nameless-wallet funds of gift passes are added from the credit lots, which
 * drive that part, so a million passes are never probed one by one.
 */
export async function passesSummaryTotals(ctx: DomainContext, filters: PassesSummaryFilters): Promise<PassesSummaryTotals> {
  const result = await ctx.db.transaction(async (tx) => {
    // Index pages are as cheap to read as heap pages here (memory or SSD): without this the
    // planner prefers reading every whole pass row to the narrow covering index. Local to this
    // read-only transaction.
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return tx.execute(totalsQuery(filters));
  });
  const byCurrency = rowsOf<TotalsRow>(result).map((row) => ({
    currency: row.currency,
    minorUnits: row.minor_units === null ? null : Number(row.minor_units),
    passes: assertSafeMinor(Number(row.passes)),
    initialValueMinor: assertSafeMinor(Number(row.initial)),
    redeemedValueMinor: assertSafeMinor(Number(row.redeemed)),
    availableBalanceMinor: assertSafeMinor(Number(row.available)),
  }));
  return { passes: byCurrency.reduce((sum, row) => sum + row.passes, 0), byCurrency };
}

function totalsQuery(filters: PassesSummaryFilters) {
  const where = passesSummaryWhere(filters) ?? sql`true`;
  return sql`
    select t.currency, ${currencies.minorUnits} as minor_units,
      sum(t.passes)::bigint as passes, sum(t.initial)::bigint as initial,
      sum(t.redeemed)::bigint as redeemed, sum(t.available)::bigint as available
    from (
      select ${passes.currency} as currency, count(*) as passes,
        coalesce(sum(${passes.initialValueMinor}), 0) as initial,
        coalesce(sum(${passes.initialValueMinor} - ${passes.remainingValueMinor}), 0) as redeemed,
        coalesce(sum(${passes.remainingValueMinor}), 0) as available
      from ${passes} where ${where}
      group by ${passes.currency}
      union all
      select ${passes.currency}, 0, 0, 0, sum(nameless.funds)
      from (${namelessFundsByPass}) nameless
      join ${passes} on ${passes.id} = nameless.pass_id
      join ${passPlans} on ${passPlans.id} = ${passes.planId} and ${passPlans.type} = 'GIFT'
      where ${where} and ${passes.remainingValueMinor} is not null
      group by ${passes.currency}
    ) t
    left join ${currencies} on ${currencies.code} = t.currency
    group by t.currency, ${currencies.minorUnits}
    order by t.currency nulls last`;
}
