"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import { passPlanStates, passTypes, type PassPlanState, type PassType } from "@/server/domain/pass-plans/kinds";
import type { PassPlanSummary } from "@/server/domain/pass-plans/read/list";
import { passPlanSortKeys } from "@/server/domain/pass-plans/schemas";
import { distributionLabels, planValueLabel, stateLabels, stateTones, typeLabels } from "./plan-labels";

const column = createColumnHelper<PassPlanSummary>();
type SortKey = (typeof passPlanSortKeys)[number];
const isSortKey = (key: string | undefined): key is SortKey => passPlanSortKeys.some((k) => k === key);

const columns = [
  column.accessor("name", {
    header: "Name",
    cell: (c) => (
      <Link href={`/passes/plans/${c.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("type", { header: "Type", enableSorting: false, cell: (c) => typeLabels[c.getValue()] }),
  column.accessor("distribution", { header: "Distribution", enableSorting: false, cell: (c) => distributionLabels[c.getValue()] }),
  column.accessor("state", { header: "State", enableSorting: false, cell: (c) => <Badge tone={stateTones[c.getValue()]}>{stateLabels[c.getValue()]}</Badge> }),
  column.display({ id: "value", header: "Value", cell: (c) => planValueLabel(c.row.original) }),
  column.accessor("issuedCount", {
    header: "Issued",
    cell: (c) => `${c.getValue().toLocaleString("en")} of ${c.row.original.maxPasses.toLocaleString("en")}`,
  }),
];

interface PassPlansPageProps {
  canManage: boolean;
  canIssue: boolean;
  canRedeem: boolean;
  canReadMessages: boolean;
}

const secondaryLink = "inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-700 hover:bg-slate-50";

export function PassPlansPage({ canManage, canIssue, canRedeem, canReadMessages }: PassPlansPageProps) {
  const trpc = useTRPC();
  const table = useTableState();
  const [type, setType] = useState<PassType | "">("");
  const [state, setState] = useState<PassPlanState | "">("");
  const plans = useQuery({
    ...trpc.passPlans.list.queryOptions({
      page: table.page,
      pageSize: table.pageSize,
      type: type || undefined,
      state: state || undefined,
      sortBy: isSortKey(table.sort.sortBy) ? table.sort.sortBy : undefined,
      sortDir: table.sort.sortDir ?? "asc",
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(type || state);

  return (
    <>
      <PageHeader
        title="Passes"
        description="Pass plans make every gift, top-up and promotion pass."
        actions={
          <div className="flex flex-wrap gap-2">
            {canReadMessages && <Link href="/messages" className={secondaryLink}>Messages</Link>}
            {canRedeem && <Link href="/passes/redeem" className={secondaryLink}>Redeem a pass</Link>}
            {canIssue && <Link href="/passes/issue" className={secondaryLink}>Issue eGift</Link>}
            {canManage && (
              <Link href="/passes/plans/new" className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700">
                New pass plan
              </Link>
            )}
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap gap-3">
        <Select aria-label="Type" className="w-44" value={type} onChange={(e) => { setType(e.target.value as PassType | ""); table.resetPage(); }}>
          <option value="">All types</option>
          {passTypes.map((t) => (
            <option key={t} value={t}>{typeLabels[t]}</option>
          ))}
        </Select>
        <Select aria-label="State" className="w-44" value={state} onChange={(e) => { setState(e.target.value as PassPlanState | ""); table.resetPage(); }}>
          <option value="">All states</option>
          {passPlanStates.map((s) => (
            <option key={s} value={s}>{stateLabels[s]}</option>
          ))}
        </Select>
      </div>
      <DataTable
        label="Pass plans"
        columns={columns}
        rows={plans.data?.rows}
        total={plans.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        sorting={table.sorting}
        onSortingChange={table.setSorting}
        isLoading={plans.isFetching}
        error={plans.error}
        onRetry={() => void plans.refetch()}
        getRowId={(p) => p.id}
        empty={<EmptyState title={filtered ? "No plan matches the filters" : "No pass plans yet"} description={filtered ? undefined : "Create a plan to start making passes."} />}
      />
    </>
  );
}
