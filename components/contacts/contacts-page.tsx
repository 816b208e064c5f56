"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { showServerErrors } from "@/components/ui/errors";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import type { Contact } from "@/server/domain/contacts/contact-rows";
import { type contactKinds, contactSortKeys, createContactSchema, type CreateContactInput } from "@/server/domain/contacts/schemas";
import { contactName, identityOf } from "./contact-labels";
import { emptyRegistration, RegistrationFields } from "./registration-fields";

const column = createColumnHelper<Contact>();

type ContactSortKey = (typeof contactSortKeys)[number];
const isSortKey = (key: string | undefined): key is ContactSortKey => contactSortKeys.some((k) => k === key);

const blockedFilters = { all: undefined, blocked: true, active: false } as const;
type BlockedFilter = keyof typeof blockedFilters;

const columns = [
  column.accessor((c) => c.lastName ?? "", {
    id: "name",
    header: "Name",
    cell: (c) => (
      <Link href={`/contacts/${c.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {contactName(c.row.original)}
      </Link>
    ),
  }),
  column.display({ id: "email", header: "Email", cell: (c) => identityOf(c.row.original, "email") ?? "—" }),
  column.display({ id: "phone", header: "Phone", cell: (c) => identityOf(c.row.original, "phone") ?? "—" }),
  column.accessor("kind", {
    header: "Kind",
    enableSorting: false,
    cell: (c) => <Badge tone={c.getValue() === "nameless" ? "warning" : "neutral"}>{c.getValue() === "nameless" ? "Nameless" : "Registered"}</Badge>,
  }),
  column.accessor("spendingBlocked", {
    header: "Spending",
    enableSorting: false,
    cell: (c) => (c.getValue() ? <Badge tone="danger">Spending blocked</Badge> : <Badge tone="success">Allowed</Badge>),
  }),
  column.accessor("createdAt", { header: "Created", cell: (c) => format(c.getValue(), "d MMM yyyy") }),
];

export function ContactsPage({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const table = useTableState([{ id: "name", desc: false }]);
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<(typeof contactKinds)[number] | "">("");
  const [blocked, setBlocked] = useState<BlockedFilter>("all");
  const [creating, setCreating] = useState(false);
  const sortBy = isSortKey(table.sort.sortBy) ? table.sort.sortBy : undefined;
  const contacts = useQuery({
    ...trpc.contacts.list.queryOptions({
      page: table.page,
      pageSize: table.pageSize,
      search: search.trim() || undefined,
      kind: kind || undefined,
      blocked: blockedFilters[blocked],
      sortBy,
      sortDir: table.sort.sortDir ?? "asc",
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Registered customers and the nameless contacts that gift redemptions create."
        actions={canManage && <Button onClick={() => setCreating(true)}>New contact</Button>}
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <Input
            type="search"
            aria-label="Search contacts"
            placeholder="Email, phone, contact code, CIM or name"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              table.resetPage();
            }}
          />
        </div>
        <Select
          aria-label="Kind"
          className="w-40"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as typeof kind);
            table.resetPage();
          }}
        >
          <option value="">All kinds</option>
          <option value="registered">Registered</option>
          <option value="nameless">Nameless</option>
        </Select>
        <Select
          aria-label="Spending"
          className="w-44"
          value={blocked}
          onChange={(e) => {
            setBlocked(e.target.value as BlockedFilter);
            table.resetPage();
          }}
        >
          <option value="all">Any spending status</option>
          <option value="blocked">Spending blocked</option>
          <option value="active">Spending allowed</option>
        </Select>
      </div>
      <DataTable
        label="Contacts"
        columns={columns}
        rows={contacts.data?.rows}
        total={contacts.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        sorting={table.sorting}
        onSortingChange={table.setSorting}
        isLoading={contacts.isFetching}
        error={contacts.error}
        onRetry={() => void contacts.refetch()}
        getRowId={(c) => c.id}
        empty={
          <EmptyState
            title={search ? "No contact matches" : "No contacts yet"}
            description={search ? "Search by a full email, phone number, contact code or CIM, or the start of a name." : undefined}
          />
        }
      />
      {canManage && <NewContactDialog open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function NewContactDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<CreateContactInput>({ resolver: zodResolver(createContactSchema), defaultValues: emptyRegistration });
  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: (contact) => {
        toast.success(`${contactName(contact)} was added.`);
        form.reset();
        onClose();
        router.push(`/contacts/${contact.id}`);
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New contact"
      footer={
        <Button type="submit" form="new-contact" pending={create.isPending}>
          Create contact
        </Button>
      }
    >
      <form id="new-contact" noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <RegistrationFields form={form} />
      </form>
    </Dialog>
  );
}
