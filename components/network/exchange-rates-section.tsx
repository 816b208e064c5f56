"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/states";
import type { ExchangeRate } from "@/server/domain/network/exchange-rates";
import { useArchiveAction } from "./archive-confirm";
import { ExchangeRateDialog } from "./exchange-rate-dialog";
import { ListToolbar } from "./list-toolbar";
import { QueryTable } from "./query-table";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useNetworkList } from "./use-network-list";
import { useCurrencyOptions } from "./use-options";

const column = createColumnHelper<ExchangeRate>();
const pairName = (r: ExchangeRate) => `${r.base} → ${r.quote} from ${format(r.validFrom, "d MMM yyyy HH:mm")}`;

export function ExchangeRatesSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const currencies = useCurrencyOptions();
  const list = useNetworkList(["validFrom", "base", "quote", "createdAt"], "validFrom", true);
  const [base, setBase] = useState("");
  const [editing, setEditing] = useState<ExchangeRate | "new" | null>(null);
  const rates = useQuery({ ...trpc.network.exchangeRates.list.queryOptions({ ...list.input, base: base || undefined }), placeholderData: keepPreviousData });
  const archive = useMutation(trpc.network.exchangeRates.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.exchangeRates.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<ExchangeRate>({
    noun: "exchange rate",
    nameOf: pairName,
    consequence: "conversions ignore it and use the pair's previous rate instead.",
    archive: (r) => archive.mutateAsync({ id: r.id }),
    unarchive: (r) => unarchive.mutateAsync({ id: r.id }),
  });

  const columns = [
    column.accessor("base", { header: "Base" }),
    column.accessor("quote", { header: "Quote" }),
    column.accessor("rate", { header: "Rate", enableSorting: false, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
    column.accessor("validFrom", { header: "Valid from", cell: (c) => format(c.getValue(), "d MMM yyyy HH:mm") }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [column.display({ id: "actions", header: "", cell: (c) => <RowActions name={pairName(c.row.original)} onEdit={() => setEditing(c.row.original)} archive={archiveAction.button(c.row.original)} /> })]
      : []),
  ];

  return (
    <section aria-labelledby="rates-heading" className="mt-10">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="rates-heading" className="text-lg font-semibold text-slate-900">
          Exchange rates
        </h2>
        {canManage && <Button onClick={() => setEditing("new")}>New exchange rate</Button>}
      </div>
      <ListToolbar list={list}>
        <Select aria-label="Base currency" className="w-40" value={base} onChange={(e) => (setBase(e.target.value), list.resetPage())}>
          <option value="">Any base</option>
          {currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}
            </option>
          ))}
        </Select>
      </ListToolbar>
      <QueryTable rowKey={(row) => row.id} label="Exchange rates" columns={columns} list={list} query={rates} empty={<EmptyState title="No exchange rates" description="Purchases in another currency need a rate into the business currency." />} />
      {editing && <ExchangeRateDialog rate={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
      {archiveAction.dialog}
    </section>
  );
}
