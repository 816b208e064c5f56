"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { ProductFamilySummary } from "@/server/domain/network/product-families";
import { useArchiveAction } from "./archive-confirm";
import { ListToolbar } from "./list-toolbar";
import { QueryTable } from "./query-table";
import { NameDialog } from "./name-dialog";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useNetworkList } from "./use-network-list";

const column = createColumnHelper<ProductFamilySummary>();

export function ProductFamiliesSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useNetworkList(["name", "createdAt"], "name");
  const [editing, setEditing] = useState<ProductFamilySummary | "new" | null>(null);
  const families = useQuery({ ...trpc.network.productFamilies.list.queryOptions(list.input), placeholderData: keepPreviousData });
  const create = useMutation(trpc.network.productFamilies.create.mutationOptions());
  const update = useMutation(trpc.network.productFamilies.update.mutationOptions());
  const archive = useMutation(trpc.network.productFamilies.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.productFamilies.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<ProductFamilySummary>({
    noun: "product family",
    nameOf: (f) => f.name,
    consequence: "it can no longer be chosen for new products, pools or pass conditions.",
    archive: (f) => archive.mutateAsync({ id: f.id }),
    unarchive: (f) => unarchive.mutateAsync({ id: f.id }),
  });

  const columns = [
    column.accessor("name", { header: "Name", cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor("productCount", { header: "Products", enableSorting: false }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [column.display({ id: "actions", header: "", cell: (c) => <RowActions name={c.row.original.name} onEdit={() => setEditing(c.row.original)} archive={archiveAction.button(c.row.original)} /> })]
      : []),
  ];

  return (
    <section aria-labelledby="families-heading" className="mt-10">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="families-heading" className="text-lg font-semibold text-slate-900">
          Product families
        </h2>
        {canManage && <Button onClick={() => setEditing("new")}>New product family</Button>}
      </div>
      <ListToolbar list={list} search={{ label: "Search product families", placeholder: "Family name" }} />
      <QueryTable rowKey={(row) => row.id} label="Product families" columns={columns} list={list} query={families} empty={<EmptyState title={list.search ? "No family matches" : "No product families yet"} />} />
      {editing && (
        <NameDialog
          title={editing === "new" ? "New product family" : `Rename ${editing.name}`}
          label="Family name"
          formId="product-family"
          submitLabel={editing === "new" ? "Create family" : "Save name"}
          initialName={editing === "new" ? "" : editing.name}
          save={({ name }) => (editing === "new" ? create.mutateAsync({ name }) : update.mutateAsync({ id: editing.id, name }))}
          success={editing === "new" ? "Product family created." : "Name saved."}
          onClose={() => setEditing(null)}
        />
      )}
      {archiveAction.dialog}
    </section>
  );
}
