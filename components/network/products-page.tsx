"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { ProductSummary } from "@/server/domain/network/products";
import { useArchiveAction } from "./archive-confirm";
import { ListToolbar } from "./list-toolbar";
import { QueryTable } from "./query-table";
import { ProductDialog } from "./product-dialog";
import { ProductFamiliesSection } from "./product-families-section";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useNetworkList } from "./use-network-list";
import { useFamilyOptions } from "./use-options";

const column = createColumnHelper<ProductSummary>();

/** Products with their SKUs and families; families are managed below them. */
export function ProductsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useNetworkList(["sku", "name", "createdAt"], "sku");
  const families = useFamilyOptions();
  const [familyId, setFamilyId] = useState("");
  const [editing, setEditing] = useState<ProductSummary | "new" | null>(null);
  const products = useQuery({ ...trpc.network.products.list.queryOptions({ ...list.input, familyId: familyId || undefined }), placeholderData: keepPreviousData });
  const archive = useMutation(trpc.network.products.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.products.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<ProductSummary>({
    noun: "product",
    nameOf: (p) => `${p.name} (${p.sku})`,
    consequence: "it can no longer be chosen for pass conditions; purchases with its SKU still resolve to it.",
    archive: (p) => archive.mutateAsync({ id: p.id }),
    unarchive: (p) => unarchive.mutateAsync({ id: p.id }),
  });

  const columns = [
    column.accessor("sku", { header: "SKU", cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
    column.accessor("name", { header: "Name" }),
    column.accessor("familyName", { header: "Family", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [column.display({ id: "actions", header: "", cell: (c) => <RowActions name={c.row.original.name} onEdit={() => setEditing(c.row.original)} archive={archiveAction.button(c.row.original)} /> })]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="Products"
        description="Products by SKU and their families. Unknown SKUs in purchases are added here on the fly."
        actions={canManage && <Button onClick={() => setEditing("new")}>New product</Button>}
      />
      <ListToolbar list={list} search={{ label: "Search products", placeholder: "SKU or name" }}>
        <Select aria-label="Product family" className="w-48" value={familyId} onChange={(e) => (setFamilyId(e.target.value), list.resetPage())}>
          <option value="">All families</option>
          {families.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </ListToolbar>
      <QueryTable rowKey={(row) => row.id} label="Products" columns={columns} list={list} query={products} empty={<EmptyState title={list.search || familyId ? "No product matches" : "No products yet"} />} />
      <ProductFamiliesSection canManage={canManage} />
      {editing && <ProductDialog product={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
      {archiveAction.dialog}
    </>
  );
}
