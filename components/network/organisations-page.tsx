"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { Organisation, OrganisationDetail } from "@/server/domain/network/organisations";
import { ListToolbar } from "./list-toolbar";
import { NameDialog } from "./name-dialog";
import { OrganisationTable } from "./organisation-table";
import { TerminalDialog } from "./terminal-dialog";
import { useNetworkList } from "./use-network-list";

const sortKeys = ["name", "createdAt"] as const;
const merchantColumn = createColumnHelper<OrganisationDetail>();

type Editing =
  | { kind: "newMerchant" }
  | { kind: "newVenue"; merchant: Organisation }
  | { kind: "rename"; organisation: Organisation }
  | { kind: "terminal"; organisation: Organisation };

/** Merchants, the venues of the chosen merchant, and the terminals of both (D2). */
export function OrganisationsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const merchantList = useNetworkList(sortKeys, "name");
  const venueList = useNetworkList(sortKeys, "name");
  const [selected, setSelected] = useState<Organisation | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const merchants = useQuery({ ...trpc.network.organisations.merchants.queryOptions(merchantList.input), placeholderData: keepPreviousData });
  const venues = useQuery({
    ...trpc.network.organisations.list.queryOptions({ ...venueList.input, kind: "venue", parentId: selected?.id }),
    enabled: !!selected,
    placeholderData: keepPreviousData,
  });
  const create = useMutation(trpc.network.organisations.create.mutationOptions());
  const update = useMutation(trpc.network.organisations.update.mutationOptions());

  const venuesColumn = merchantColumn.accessor("venues", {
    header: "Venues",
    enableSorting: false,
    cell: (c) => (
      <Button
        size="sm"
        variant={selected?.id === c.row.original.id ? "secondary" : "ghost"}
        aria-label={`Show venues of ${c.row.original.name}`}
        aria-pressed={selected?.id === c.row.original.id}
        onClick={() => (setSelected(c.row.original), venueList.resetPage())}
      >
        {c.getValue().length} {c.getValue().length === 1 ? "venue" : "venues"}
      </Button>
    ),
  });
  const rowActions = {
    canManage,
    onRename: (organisation: Organisation) => setEditing({ kind: "rename", organisation }),
    onAddTerminal: (organisation: Organisation) => setEditing({ kind: "terminal", organisation }),
  };

  return (
    <>
      <PageHeader
        title="Organisations"
        description="Merchants, the venues under them, and the terminals (transaction acquiring points) that report purchases."
        actions={canManage && <Button onClick={() => setEditing({ kind: "newMerchant" })}>New merchant</Button>}
      />
      <ListToolbar list={merchantList} search={{ label: "Search merchants", placeholder: "Merchant or venue name, or terminal id" }} />
      <OrganisationTable
        label="Merchants"
        noun="merchant"
        list={merchantList}
        query={merchants}
        extraColumns={[venuesColumn]}
        empty={<EmptyState title={merchantList.search ? "No merchant matches" : "No merchants yet"} description={canManage ? "Create the first merchant to add venues and terminals." : undefined} />}
        {...rowActions}
      />

      <section aria-labelledby="venues-heading" className="mt-10">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="venues-heading" className="text-lg font-semibold text-slate-900">
            {selected ? `Venues of ${selected.name}` : "Venues"}
          </h2>
          {canManage && selected && !selected.archivedAt && <Button onClick={() => setEditing({ kind: "newVenue", merchant: selected })}>New venue</Button>}
        </div>
        {selected ? (
          <>
            <ListToolbar list={venueList} search={{ label: "Search venues", placeholder: "Venue name or terminal id" }} />
            <OrganisationTable
              label="Venues"
              noun="venue"
              list={venueList}
              query={venues}
              empty={<EmptyState title={venueList.search ? "No venue matches" : `${selected.name} has no venues yet`} />}
              {...rowActions}
            />
          </>
        ) : (
          <EmptyState title="Choose a merchant" description="Select a merchant's venues above to list and manage them." />
        )}
      </section>

      {editing?.kind === "newMerchant" && (
        <NameDialog
          title="New merchant"
          label="Merchant name"
          formId="new-merchant"
          submitLabel="Create merchant"
          save={({ name }) => create.mutateAsync({ kind: "merchant", name })}
          success="Merchant created."
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === "newVenue" && (
        <NameDialog
          title={`New venue of ${editing.merchant.name}`}
          label="Venue name"
          formId="new-venue"
          submitLabel="Create venue"
          save={({ name }) => create.mutateAsync({ kind: "venue", name, parentId: editing.merchant.id })}
          success="Venue created."
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === "rename" && (
        <NameDialog
          title={`Rename ${editing.organisation.name}`}
          label="Name"
          formId="rename-organisation"
          submitLabel="Save name"
          initialName={editing.organisation.name}
          save={({ name }) => update.mutateAsync({ id: editing.organisation.id, name })}
          success="Name saved."
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === "terminal" && <TerminalDialog organisation={editing.organisation} onClose={() => setEditing(null)} />}
    </>
  );
}
