"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { CommercePool } from "@/server/domain/network/commerce-pools";
import { useArchiveAction } from "./archive-confirm";
import { CommercePoolDialog } from "./commerce-pool-dialog";
import { ListToolbar } from "./list-toolbar";
import { QueryTable } from "./query-table";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useNetworkList } from "./use-network-list";

const column = createColumnHelper<CommercePool>();

const names = (members: { name: string }[]) => (members.length ? members.map((m) => m.name).join(", ") : "—");

export function CommercePoolsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useNetworkList(["name", "createdAt"], "name");
  const [editing, setEditing] = useState<CommercePool | "new" | null>(null);
  const pools = useQuery({ ...trpc.network.commercePools.list.queryOptions(list.input), placeholderData: keepPreviousData });
  const archive = useMutation(trpc.network.commercePools.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.commercePools.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<CommercePool>({
    noun: "commerce pool",
    nameOf: (p) => p.name,
    consequence: "it can no longer be chosen for new pass plans or reward offers.",
    archive: (p) => archive.mutateAsync({ id: p.id }),
    unarchive: (p) => unarchive.mutateAsync({ id: p.id }),
  });

  const columns = [
    column.accessor("name", { header: "Name", cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor("organisations", { header: "Organisations", enableSorting: false, cell: (c) => names(c.getValue()) }),
    column.accessor("families", { header: "Product families", enableSorting: false, cell: (c) => names(c.getValue()) }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [column.display({ id: "actions", header: "", cell: (c) => <RowActions name={c.row.original.name} onEdit={() => setEditing(c.row.original)} archive={archiveAction.button(c.row.original)} /> })]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="Commerce pools"
        description="Named sets of organisations and product families; funds credited to a pool are spendable only there."
        actions={canManage && <Button onClick={() => setEditing("new")}>New commerce pool</Button>}
      />
      <ListToolbar list={list} search={{ label: "Search commerce pools", placeholder: "Pool name" }} />
      <QueryTable
        rowKey={(row) => row.id}
        label="Commerce pools"
        columns={columns}
        list={list}
        query={pools}
        empty={<EmptyState title={list.search ? "No pool matches" : "No commerce pools yet"} description="Without pools, every credit goes to the business pocket, spendable anywhere." />}
      />
      {editing && <CommercePoolDialog pool={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
      {archiveAction.dialog}
    </>
  );
}
