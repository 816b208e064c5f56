"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toastError } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { Currency } from "@/server/domain/network/currencies";
import { useArchiveAction } from "./archive-confirm";
import { CurrencyDialog } from "./currency-dialog";
import { ExchangeRatesSection } from "./exchange-rates-section";
import { ListToolbar } from "./list-toolbar";
import { NameDialog } from "./name-dialog";
import { QueryTable } from "./query-table";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useInvalidateNetwork, useNetworkList } from "./use-network-list";

const column = createColumnHelper<Currency>();

/** Currencies (one of them the business currency) and, below, the exchange rates between them. */
export function CurrenciesPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateNetwork();
  const list = useNetworkList(["code", "name"], "code");
  const [editing, setEditing] = useState<Currency | "new" | null>(null);
  const currencies = useQuery({
    ...trpc.network.currencies.list.queryOptions(list.input),
    placeholderData: keepPreviousData,
  });
  const update = useMutation(trpc.network.currencies.update.mutationOptions());
  const makeBusiness = useMutation(
    trpc.network.currencies.makeBusinessCurrency.mutationOptions({
      onSuccess: (c) => (toast.success(`${c.code} is now the business currency.`), invalidate()),
      onError: toastError,
    }),
  );
  const archive = useMutation(trpc.network.currencies.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.currencies.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<Currency>({
    noun: "currency",
    nameOf: (c) => c.code,
    consequence: "it can no longer be chosen for new pass plans or exchange rates.",
    archive: (c) => archive.mutateAsync({ code: c.code }),
    unarchive: (c) => unarchive.mutateAsync({ code: c.code }),
  });

  const columns = [
    column.accessor("code", { header: "Code", cell: (c) => <span className="font-mono font-medium">{c.getValue()}</span> }),
    column.accessor("name", { header: "Name" }),
    column.accessor("minorUnits", { header: "Minor units", enableSorting: false }),
    column.accessor("isBusinessCurrency", {
      header: "Role",
      enableSorting: false,
      cell: (c) => (c.getValue() ? <Badge tone="info">Business currency</Badge> : null),
    }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [
          column.display({
            id: "actions",
            header: "",
            cell: ({ row: { original: c } }) => (
              <RowActions name={c.code} onEdit={() => setEditing(c)} archive={c.isBusinessCurrency ? null : archiveAction.button(c)}>
                {!c.isBusinessCurrency && !c.archivedAt && (
                  <Button size="sm" variant="ghost" disabled={makeBusiness.isPending} onClick={() => makeBusiness.mutate({ code: c.code })} aria-label={`Make ${c.code} the business currency`}>
                    Make business currency
                  </Button>
                )}
              </RowActions>
            ),
          }),
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="Currencies"
        description="The currencies passes and wallets hold, and the business currency purchases convert into."
        actions={canManage && <Button onClick={() => setEditing("new")}>New currency</Button>}
      />
      <ListToolbar list={list} search={{ label: "Search currencies", placeholder: "Code or name" }} />
      <QueryTable rowKey={(c) => c.code} label="Currencies" columns={columns} list={list} query={currencies} empty={<EmptyState title={list.search ? "No currency matches" : "No currencies yet"} />} />
      <ExchangeRatesSection canManage={canManage} />
      {editing === "new" && <CurrencyDialog onClose={() => setEditing(null)} />}
      {editing && editing !== "new" && (
        <NameDialog
          title={`Rename ${editing.code}`}
          label="Currency name"
          formId="rename-currency"
          submitLabel="Save name"
          initialName={editing.name}
          save={({ name }) => update.mutateAsync({ code: editing.code, name })}
          success="Name saved."
          onClose={() => setEditing(null)}
        />
      )}
      {archiveAction.dialog}
    </>
  );
}
