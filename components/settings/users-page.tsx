"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { showServerErrors, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import { roles, type Role } from "@/server/domain/users/roles";
import { createUserSchema, type CreateUserInput } from "@/server/domain/users/schemas";
import type { PublicUser } from "@/server/domain/users/service";

const column = createColumnHelper<PublicUser>();

export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useTableState();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<PublicUser | null>(null);
  const users = useQuery(trpc.users.list.queryOptions({ page: table.page, pageSize: table.pageSize, search: search || undefined }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });

  const changeRole = useMutation(
    trpc.users.changeRole.mutationOptions({ onSuccess: () => (toast.success("Role changed."), invalidate()), onError: toastError }),
  );
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: (user) => {
        toast.success(user.disabledAt ? "User disabled." : "User enabled.");
        setDisabling(null);
        void invalidate();
      },
      onError: toastError,
    }),
  );

  const columns = [
    column.accessor("name", { header: "Name" }),
    column.accessor("email", { header: "Email" }),
    column.accessor("role", {
      header: "Role",
      cell: (c) => (
        <Select
          aria-label={`Role of ${c.row.original.email}`}
          value={c.getValue()}
          disabled={c.row.original.id === currentUserId || changeRole.isPending}
          onChange={(e) => changeRole.mutate({ userId: c.row.original.id, role: e.target.value as Role })}
          className="h-8 w-36"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      ),
    }),
    column.accessor("disabledAt", {
      header: "Status",
      cell: (c) => (c.getValue() ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>),
    }),
    column.accessor("lastSignInAt", {
      header: "Last sign-in",
      cell: (c) => (c.getValue() ? format(c.getValue()!, "d MMM yyyy HH:mm") : "Never"),
    }),
    column.display({
      id: "actions",
      header: "",
      cell: (c) =>
        c.row.original.id === currentUserId ? null : c.row.original.disabledAt ? (
          <Button size="sm" variant="secondary" onClick={() => setDisabled.mutate({ userId: c.row.original.id, disabled: false })}>
            Enable
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setDisabling(c.row.original)}>
            Disable
          </Button>
        ),
    }),
  ];

  return (
    <>
      <PageHeader title="Users" description="People who sign in to the back office, and their roles." actions={<Button onClick={() => setCreating(true)}>New user</Button>} />
      <div className="mb-4 max-w-sm">
        <Input
          type="search"
          aria-label="Search users"
          placeholder="Search by name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            table.resetPage();
          }}
        />
      </div>
      <DataTable
        label="Users"
        columns={columns}
        rows={users.data?.rows}
        total={users.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        isLoading={users.isFetching}
        error={users.error}
        onRetry={() => void users.refetch()}
        getRowId={(u) => u.id}
        empty={<EmptyState title="No users match" description="Try another search." />}
      />
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onCreated={invalidate} />
      <ConfirmDialog
        open={!!disabling}
        onClose={() => setDisabling(null)}
        onConfirm={() => disabling && setDisabled.mutate({ userId: disabling.id, disabled: true })}
        pending={setDisabled.isPending}
        title="Disable this user?"
        description={`${disabling?.email ?? ""} will be signed out on their next request and cannot sign in until enabled again.`}
        confirmLabel="Disable user"
      />
    </>
  );
}

function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const trpc = useTRPC();
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", role: "support", password: "" },
  });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (user) => {
        toast.success(`${user.email} can now sign in.`);
        form.reset();
        onClose();
        onCreated();
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const errors = form.formState.errors;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New user"
      footer={
        <Button type="submit" form="create-user" pending={create.isPending}>
          Create user
        </Button>
      }
    >
      <form id="create-user" noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <FormField label="Name" error={errors.name?.message}>
          <Input {...form.register("name")} />
        </FormField>
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" {...form.register("email")} />
        </FormField>
        <FormField label="Role" error={errors.role?.message}>
          <Select {...form.register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Initial password" hint="At least 10 characters; share it safely." error={errors.password?.message}>
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </FormField>
      </form>
    </Dialog>
  );
}
