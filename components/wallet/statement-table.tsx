"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { addDays } from "date-fns";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/states";
import { journalEntryKinds, type JournalEntryKind } from "@/server/domain/ledger/kinds";
import type { StatementLine } from "@/server/domain/wallet/read/statement";
import { accountLabel, entryKindLabels, moment, money } from "./wallet-labels";

const column = createColumnHelper<StatementLine>();

const columnsFor = (currency: string) => [
  column.accessor("at", { header: "Date", cell: (c) => moment(c.getValue()) }),
  column.accessor("kind", { header: "Type", cell: (c) => entryKindLabels[c.getValue()] }),
  column.accessor("memo", {
    header: "Details",
    cell: (c) => (
      <span className="text-xs text-slate-600">
        {c.getValue() ?? c.row.original.causeType.replace(/_/g, " ")}
        {c.row.original.reversesEntryId && " (reversal)"} · {c.row.original.actorLabel}
      </span>
    ),
  }),
  column.accessor("account", { header: "Account", cell: (c) => accountLabel(c.getValue(), c.row.original.poolName, c.row.original.commercePoolId) }),
  column.accessor("amountMinor", {
    header: "Amount",
    cell: (c) => <span className={cn("tabular-nums", c.getValue() < 0 ? "text-red-700" : "text-emerald-700")}>{money(c.getValue(), currency)}</span>,
  }),
  column.accessor("accountBalanceAfterMinor", { header: "Account balance", cell: (c) => <span className="tabular-nums">{money(c.getValue(), currency)}</span> }),
  column.accessor("availableAfterMinor", {
    header: "Available after",
    cell: (c) => <span className="font-medium tabular-nums">{money(c.getValue(), currency)}</span>,
  }),
];

const pageSize = 20;

/** "yyyy-MM-dd" from a date input as the UTC start of that day; undefined when empty. */
const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00.000Z`) : undefined);

/**
 * The wallet's statement (D4): journal lines newest first, with the account's balance after each
 * line and the wallet's running available balance (pockets + open funds), filtered by type and
 * date range, and downloadable as CSV with the same filters.
 */
export function StatementTable({ walletId, currency }: { walletId: string; currency: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<JournalEntryKind | "">("");
  const [fromDay, setFromDay] = useState("");
  const [toDay, setToDay] = useState("");
  const [page, setPage] = useState(0);
  const from = startOfDay(fromDay);
  const toStart = startOfDay(toDay);
  const to = toStart && addDays(toStart, 1);
  const rangeError = from && to && from >= to ? "The end date must not come before the start date." : undefined;
  const filters = { walletId, kind: kind || undefined, from, to };
  const statement = useQuery({
    ...trpc.walletRead.statement.queryOptions({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
    enabled: !rangeError,
  });
  const csv = new URLSearchParams();
  if (kind) csv.set("kind", kind);
  if (from) csv.set("from", from.toISOString());
  if (to) csv.set("to", to.toISOString());
  const change = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(0);
  };

  return (
    <Card
      title="Statement"
      actions={
        <a href={`/api/wallets/${walletId}/statement.csv?${csv.toString()}`} className="text-sm font-medium text-indigo-700 hover:underline" download>
          Download CSV
        </a>
      }
    >
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <FormField label="Type">
          <Select value={kind} onChange={(e) => change(setKind)(e.target.value as JournalEntryKind | "")}>
            <option value="">All types</option>
            {journalEntryKinds.map((k) => (
              <option key={k} value={k}>
                {entryKindLabels[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="From">
          <Input type="date" value={fromDay} onChange={(e) => change(setFromDay)(e.target.value)} />
        </FormField>
        <FormField label="To" error={rangeError}>
          <Input type="date" value={toDay} onChange={(e) => change(setToDay)(e.target.value)} />
        </FormField>
      </div>
      <DataTable
        label="Statement"
        columns={columnsFor(currency)}
        rows={rangeError ? [] : statement.data?.rows}
        total={statement.data?.total}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        isLoading={statement.isFetching}
        error={statement.error}
        onRetry={() => void statement.refetch()}
        getRowId={(line) => line.postingId}
        empty={<EmptyState title="No statement lines" description={kind || from || to ? "Nothing matches these filters." : "Money moved in or out of this wallet appears here."} />}
      />
    </Card>
  );
}
