"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { passStateLabels } from "@/components/passes/lot-labels";
import { typeLabels } from "@/components/passes/plan-labels";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { formatMoney } from "@/server/domain/money";
import type { PassesSummaryRow } from "@/server/domain/reports/passes-summary/list";
import { filtersToSearchParams, orderDateField, type PassesSummaryDateField } from "@/server/domain/reports/passes-summary/schemas";
import { dayLabel, filtersOf, noFilters, PassesSummaryFilters, type FilterValues } from "./passes-summary-filters";
import { PassesSummaryTotalsTable } from "./passes-summary-totals";

const pageSize = 50;
const column = createColumnHelper<PassesSummaryRow>();

const money = (minor: number | null, row: PassesSummaryRow) =>
  minor === null || !row.currency ? "—" : formatMoney({ amountMinor: minor, currency: row.currency }, row.minorUnits ?? 2);

const amountColumn = (key: "initialValueMinor" | "redeemedValueMinor" | "availableBalanceMinor", header: string) =>
  column.accessor(key, { header, enableSorting: false, cell: (c) => <span className="whitespace-nowrap tabular-nums">{money(c.getValue(), c.row.original)}</span> });

type DateKey = "issuedAt" | "activatedAt" | "redeemedAt" | "expiresAt";
const dateKeys: Record<PassesSummaryDateField, DateKey> = { issued: "issuedAt", activated: "activatedAt", redeemed: "redeemedAt", expires: "expiresAt" };

/** A date column; only the one the rows are ordered by can be sorted (newest or oldest first). */
const dateColumn = (key: DateKey, header: string, orderedBy: DateKey) =>
  column.accessor(key, { id: key, header, enableSorting: key === orderedBy, cell: (c) => <span className="whitespace-nowrap">{dayLabel(c.getValue())}</span> });

function ContactCell({ row }: { row: PassesSummaryRow }) {
  if (!row.contactId) return <span className="text-slate-400">—</span>;
  return (
    <Link href={`/contacts/${row.contactId}`} className="text-indigo-700 hover:underline">
      {row.contactName ?? (row.contactKind === "nameless" ? "Nameless contact" : "Contact")}
    </Link>
  );
}

const columnsOrderedBy = (orderedBy: DateKey) => [
  column.accessor("codeMask", {
    header: "Pass",
    enableSorting: false,
    cell: (c) => (
      <Link href={`/passes/${c.row.original.id}`} className="font-mono whitespace-nowrap text-indigo-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("planName", { header: "Plan", enableSorting: false }),
  column.accessor("type", { header: "Type", enableSorting: false, cell: (c) => typeLabels[c.getValue()] }),
  column.accessor("state", { header: "State", enableSorting: false, cell: (c) => <Badge tone={passStateLabels[c.getValue()].tone}>{passStateLabels[c.getValue()].label}</Badge> }),
  column.display({ id: "contact", header: "Contact", cell: (c) => <ContactCell row={c.row.original} /> }),
  dateColumn("issuedAt", "Issued", orderedBy),
  dateColumn("activatedAt", "Activated", orderedBy),
  dateColumn("redeemedAt", "Redeemed", orderedBy),
  dateColumn("expiresAt", "Expires", orderedBy),
  amountColumn("initialValueMinor", "Initial value"),
  amountColumn("redeemedValueMinor", "Redeemed value"),
  amountColumn("availableBalanceMinor", "Available balance"),
];

const primaryLink = "inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700";

/**
 * The Passes Summary (D10): every pass under the filters, 50 at a time by keyset cursor (the
 * cursors of earlier pages are kept for "Previous"), ordered by the date the range filters on
 * (issue date without a range), the totals per currency, and the same filters as a streamed CSV
 * download.
 */
export function PassesSummaryPage() {
  const trpc = useTRPC();
  const [values, setValues] = useState<FilterValues>(noFilters);
  const [newestFirst, setNewestFirst] = useState(true);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const filters = filtersOf(values);
  const sortDir = newestFirst ? "desc" : "asc";
  const orderedBy = dateKeys[orderDateField(filters)];
  const columns = useMemo(() => columnsOrderedBy(orderedBy), [orderedBy]);

  const options = useQuery(trpc.passesSummary.options.queryOptions());
  const rows = useQuery({ ...trpc.passesSummary.list.queryOptions({ ...filters, sortDir, after: cursors[page], limit: pageSize }), placeholderData: keepPreviousData });
  const totals = useQuery({ ...trpc.passesSummary.totals.queryOptions(filters), placeholderData: keepPreviousData });

  const restart = () => setCursors([undefined]);
  const csvHref = `/api/reports/passes-summary.csv?${filtersToSearchParams(filters).toString()}`;
  const filtered = JSON.stringify(values) !== JSON.stringify(noFilters);

  return (
    <>
      <PageHeader
        title="Passes Summary"
        description="Every pass with its plan, state, contact, dates and values. Available balance is what is still redeemable; for a gift that funded a nameless wallet, that wallet's available funds too."
        actions={
          <a href={csvHref} download className={primaryLink}>
            Download CSV
          </a>
        }
      />
      <PassesSummaryFilters
        values={values}
        options={options.data}
        onChange={(next) => {
          setValues(next);
          restart();
        }}
      />
      <section aria-labelledby="totals-heading" className="mb-6">
        <h2 id="totals-heading" className="mb-2 text-sm font-semibold text-slate-900">
          Totals
        </h2>
        <PassesSummaryTotalsTable totals={totals.data} isLoading={totals.isFetching} error={totals.error} onRetry={() => void totals.refetch()} />
      </section>
      <DataTable
        label="Passes"
        columns={columns}
        rows={rows.data?.rows}
        total={totals.data?.passes}
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => {
          if (next < page) setCursors(cursors.slice(0, next + 1));
          else if (rows.data?.nextCursor) setCursors([...cursors, rows.data.nextCursor]);
        }}
        sorting={[{ id: orderedBy, desc: newestFirst }]}
        onSortingChange={() => {
          setNewestFirst(!newestFirst);
          restart();
        }}
        isLoading={rows.isFetching}
        error={rows.error}
        onRetry={() => void rows.refetch()}
        getRowId={(row) => row.id}
        empty={<EmptyState title={filtered ? "No pass matches the filters" : "No passes yet"} description={filtered ? "Widen the dates or clear a filter." : undefined} />}
      />
    </>
  );
}
