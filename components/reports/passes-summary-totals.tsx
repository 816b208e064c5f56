"use client";

import { count } from "@/components/passes/lot-labels";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatMoney } from "@/server/domain/money";
import type { PassesSummaryCurrencyTotals, PassesSummaryTotals } from "@/server/domain/reports/passes-summary/totals";

const money = (minor: number, row: PassesSummaryCurrencyTotals) => (row.currency ? formatMoney({ amountMinor: minor, currency: row.currency }, row.minorUnits ?? 2) : "—");

const cell = "px-4 py-2 text-right tabular-nums";

interface Props {
  totals: PassesSummaryTotals | undefined;
  isLoading: boolean;
  error: { message: string } | null;
  onRetry: () => void;
}

/** One totals row per currency: amounts in different currencies are never added up. */
export function PassesSummaryTotalsTable({ totals, isLoading, error, onRetry }: Props) {
  if (error) return <ErrorState message={error.message} onRetry={onRetry} />;
  if (!totals) return isLoading ? <LoadingState label="Adding up…" /> : null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label="Totals per currency" aria-busy={isLoading || undefined} className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 text-left">
              Currency
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Passes
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Initial value
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Redeemed value
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Available balance
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {totals.byCurrency.map((row) => (
            <tr key={row.currency ?? "none"}>
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                {row.currency ?? "No money (promotions)"}
              </th>
              <td className={cell}>{count(row.passes)}</td>
              <td className={cell}>{money(row.initialValueMinor, row)}</td>
              <td className={cell}>{money(row.redeemedValueMinor, row)}</td>
              <td className={cell}>{money(row.availableBalanceMinor, row)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
          <tr>
            <th scope="row" className="px-4 py-2 text-left">
              All passes
            </th>
            <td className={cell}>{count(totals.passes)}</td>
            <td colSpan={3} className="px-4 py-2 text-right text-xs font-normal text-slate-500">
              Amounts are totalled per currency.
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
