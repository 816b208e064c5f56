"use client";

import { useMutation } from "@tanstack/react-query";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import type { Terminal } from "@/server/domain/network/acquiring-points";
import type { OrganisationWithTerminals } from "@/server/domain/network/organisations";
import { useArchiveAction } from "./archive-confirm";
import { QueryTable, type ListQuery } from "./query-table";
import { StatusBadge } from "./status-badge";
import type { NetworkList } from "./use-network-list";

const column = createColumnHelper<OrganisationWithTerminals>();

interface OrganisationTableProps<T extends OrganisationWithTerminals> {
  label: string;
  noun: "merchant" | "venue";
  list: NetworkList;
  query: ListQuery<T>;
  empty: ReactNode;
  canManage: boolean;
  /** Columns between the name and the terminals (a merchant's venues). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  extraColumns?: ColumnDef<T, any>[];
  onRename: (row: T) => void;
  onAddTerminal: (row: T) => void;
}

/** Merchants or venues with their terminals, and the row actions both share. */
export function OrganisationTable<T extends OrganisationWithTerminals>({ label, noun, list, query, empty, canManage, extraColumns = [], onRename, onAddTerminal }: OrganisationTableProps<T>) {
  const trpc = useTRPC();
  const archive = useMutation(trpc.network.organisations.archive.mutationOptions());
  const unarchive = useMutation(trpc.network.organisations.unarchive.mutationOptions());
  const archiveTerminal = useMutation(trpc.network.terminals.archive.mutationOptions());
  const unarchiveTerminal = useMutation(trpc.network.terminals.unarchive.mutationOptions());
  const organisationAction = useArchiveAction<OrganisationWithTerminals>({
    noun,
    nameOf: (o) => o.name,
    consequence: "it disappears from pickers and its terminals stop resolving purchases.",
    archive: (o) => archive.mutateAsync({ id: o.id }),
    unarchive: (o) => unarchive.mutateAsync({ id: o.id }),
  });
  const terminalAction = useArchiveAction<Terminal>({
    noun: "terminal",
    nameOf: (t) => `Terminal ${t.terminalId}`,
    consequence: "purchases reported with this terminal id are refused.",
    archive: (t) => archiveTerminal.mutateAsync({ id: t.id }),
    unarchive: (t) => unarchiveTerminal.mutateAsync({ id: t.id }),
  });

  const columns = [
    column.accessor("name", { header: "Name", cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    ...(extraColumns as ColumnDef<OrganisationWithTerminals, unknown>[]),
    column.accessor("terminals", {
      header: "Terminals",
      enableSorting: false,
      cell: (c) => (
        <ul aria-label={`Terminals of ${c.row.original.name}`} className="flex flex-wrap gap-1">
          {c.getValue().length === 0 && <li className="text-slate-400">None</li>}
          {c.getValue().map((t) => (
            <li key={t.id} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
              <span className={t.archivedAt ? "text-slate-400 line-through" : undefined}>{t.terminalId}</span>
              {canManage && terminalAction.button(t)}
            </li>
          ))}
        </ul>
      ),
    }),
    column.accessor("archivedAt", { header: "Status", enableSorting: false, cell: (c) => <StatusBadge archivedAt={c.getValue()} /> }),
    ...(canManage
      ? [
          column.display({
            id: "actions",
            header: "",
            cell: (c) => (
              <div className="flex justify-end gap-1">
                <Button size="sm" variant="ghost" onClick={() => onRename(c.row.original as T)} aria-label={`Rename ${c.row.original.name}`}>
                  Rename
                </Button>
                {!c.row.original.archivedAt && (
                  <Button size="sm" variant="ghost" onClick={() => onAddTerminal(c.row.original as T)} aria-label={`Add terminal to ${c.row.original.name}`}>
                    Add terminal
                  </Button>
                )}
                {organisationAction.button(c.row.original)}
              </div>
            ),
          }),
        ]
      : []),
  ];

  return (
    <>
      <QueryTable rowKey={(row) => row.id} label={label} columns={columns} list={list} query={query} empty={empty} />
      {organisationAction.dialog}
      {terminalAction.dialog}
    </>
  );
}
