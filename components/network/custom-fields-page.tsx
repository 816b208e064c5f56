"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { CustomFieldDefinition } from "@/server/domain/network/custom-fields";
import { customFieldEntities, type CustomFieldEntity } from "@/server/domain/network/kinds";
import { useArchiveAction } from "./archive-confirm";
import { CustomFieldDialog } from "./custom-field-dialog";
import { entityLabels, typeLabels } from "./custom-field-labels";
import { ListToolbar } from "./list-toolbar";
import { QueryTable } from "./query-table";
import { RowActions } from "./row-actions";
import { StatusBadge } from "./status-badge";
import { useNetworkList } from "./use-network-list";

const column = createColumnHelper<CustomFieldDefinition>();

/** Definitions of the extra fields on pass plans, passes, contacts and organisations; admins manage them. */
export function CustomFieldsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useNetworkList(["entity", "key", "label", "createdAt"], "entity");
  const [entity, setEntity] = useState<CustomFieldEntity | "">("");
  const [editing, setEditing] = useState<CustomFieldDefinition | "new" | null>(null);
  const fields = useQuery({ ...trpc.network.customFields.list.queryOptions({ ...list.input, entity: entity || undefined }), placeholderData: keepPreviousData });
  const archive = useMutation(trpc.network.customFields.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.customFields.unarchive.mutationOptions());
  const archiveAction = useArchiveAction<CustomFieldDefinition>({
    noun: "custom field",
    nameOf: (f) => f.label,
    consequence: "forms stop showing it; values already stored are kept.",
    archive: (f) => archive.mutateAsync({ id: f.id }),
    unarchive: (f) => unarchive.mutateAsync({ id: f.id }),
  });

  const columns = [
    column.accessor("entity", { header: "Applies to", cell: (c) => entityLabels[c.getValue()] }),
    column.accessor("label", { header: "Label", cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor("key", { header: "Key", cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
    column.accessor("type", { header: "Type", enableSorting: false, cell: (c) => typeLabels[c.getValue()] }),
    column.accessor("options", { header: "Options", enableSorting: false, cell: (c) => c.getValue().join(", ") || "—" }),
    column.accessor("required", { header: "Required", enableSorting: false, cell: (c) => (c.getValue() ? "Yes" : "No") }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [column.display({ id: "actions", header: "", cell: (c) => <RowActions name={c.row.original.label} onEdit={() => setEditing(c.row.original)} archive={archiveAction.button(c.row.original)} /> })]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="Custom fields"
        description="Extra fields on pass plans, passes, contacts and organisations."
        actions={canManage && <Button onClick={() => setEditing("new")}>New custom field</Button>}
      />
      <ListToolbar list={list} search={{ label: "Search custom fields", placeholder: "Key or label" }}>
        <Select aria-label="Applies to" className="w-44" value={entity} onChange={(e) => (setEntity(e.target.value as CustomFieldEntity | ""), list.resetPage())}>
          <option value="">Any entity</option>
          {customFieldEntities.map((e) => (
            <option key={e} value={e}>
              {entityLabels[e]}
            </option>
          ))}
        </Select>
      </ListToolbar>
      <QueryTable rowKey={(row) => row.id} label="Custom fields" columns={columns} list={list} query={fields} empty={<EmptyState title={list.search || entity ? "No field matches" : "No custom fields yet"} />} />
      {editing && <CustomFieldDialog field={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
      {archiveAction.dialog}
    </>
  );
}
