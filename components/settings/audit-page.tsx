"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import type { AuditEntry } from "@/server/domain/audit/list";

const column = createColumnHelper<AuditEntry>();

const columns = [
  column.accessor("at", { header: "When", cell: (c) => format(c.getValue(), "d MMM yyyy HH:mm:ss") }),
  column.accessor("actorLabel", { header: "Who", cell: (c) => `${c.getValue()} (${c.row.original.actorType.replace("_", " ")})` }),
  column.accessor("action", { header: "Action", cell: (c) => <code className="text-xs">{c.getValue()}</code> }),
  column.accessor("entityType", {
    header: "Entity",
    cell: (c) => (
      <span>
        {c.getValue()}
        {c.row.original.entityId && <span className="block font-mono text-xs text-slate-500">{c.row.original.entityId}</span>}
      </span>
    ),
  }),
  column.display({ id: "change", header: "Change", cell: (c) => <ChangeSummary entry={c.row.original} /> }),
  column.accessor("ip", { header: "From", cell: (c) => c.getValue() ?? "—" }),
];

/** Before/after as field lists, never raw JSON. */
function ChangeSummary({ entry }: { entry: AuditEntry }) {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (keys.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {keys.slice(0, 6).map((k) => (
        <div key={k}>
          <dt className="inline font-medium">{k}: </dt>
          <dd className="inline text-slate-600">
            {k in before && <span className="line-through">{display(before[k])}</span>} {display(after[k])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  if (typeof value === "object") return Array.isArray(value) ? value.map(display).join(", ") : "{…}";
  return String(value);
}

export function AuditPage() {
  const trpc = useTRPC();
  const table = useTableState();
  const [filters, setFilters] = useState({ actor: "", entityType: "", from: "", to: "" });
  const input = {
    page: table.page,
    pageSize: table.pageSize,
    actor: filters.actor || undefined,
    entityType: filters.entityType || undefined,
    from: filters.from ? new Date(filters.from) : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
  };
  const entries = useQuery(trpc.audit.list.queryOptions(input));
  const setFilter = (key: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setFilters((f) => ({ ...f, [key]: e.target.value }));
    table.resetPage();
  };
  return (
    <>
      <PageHeader title="Audit log" description="Every change made by a user or API key, newest first. Secrets never appear here." />
      <div className="mb-4 grid gap-3 sm:grid-cols-4">
        <FormField label="Actor">
          <Input value={filters.actor} onChange={setFilter("actor")} placeholder="Email or key name" />
        </FormField>
        <FormField label="Entity">
          <Input value={filters.entityType} onChange={setFilter("entityType")} placeholder="e.g. contact" />
        </FormField>
        <FormField label="From">
          <Input type="date" value={filters.from} onChange={setFilter("from")} />
        </FormField>
        <FormField label="To">
          <Input type="date" value={filters.to} onChange={setFilter("to")} />
        </FormField>
      </div>
      <DataTable
        label="Audit entries"
        columns={columns}
        rows={entries.data?.rows}
        total={entries.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        isLoading={entries.isFetching}
        error={entries.error}
        onRetry={() => void entries.refetch()}
        getRowId={(e) => e.id}
        empty={<EmptyState title="No audit entries match" description="Widen the date range or clear a filter." />}
      />
    </>
  );
}
