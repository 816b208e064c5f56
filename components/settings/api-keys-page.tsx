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
import { Checkbox, Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import { createApiKeySchema, type CreateApiKeyInput } from "@/server/domain/api-keys/schemas";
import { apiScopes } from "@/server/domain/api-keys/scopes";
import type { ApiKeySummary } from "@/server/domain/api-keys/service";

const column = createColumnHelper<ApiKeySummary>();

export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const table = useTableState();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ page: table.page, pageSize: table.pageSize }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        toast.success("API key revoked.");
        setRevoking(null);
        void invalidate();
      },
      onError: toastError,
    }),
  );

  const columns = [
    column.accessor("name", { header: "Name" }),
    column.accessor("prefix", { header: "Key", cell: (c) => <code className="text-xs">{c.getValue()}…</code> }),
    column.accessor("scopes", {
      header: "Scopes",
      cell: (c) => (
        <div className="flex flex-wrap gap-1">
          {c.getValue().map((scope) => (
            <Badge key={scope}>{scope}</Badge>
          ))}
        </div>
      ),
    }),
    column.accessor("createdAt", { header: "Created", cell: (c) => format(c.getValue(), "d MMM yyyy HH:mm") }),
    column.accessor("revokedAt", {
      header: "Status",
      cell: (c) => (c.getValue() ? <Badge tone="danger">Revoked</Badge> : <Badge tone="success">Active</Badge>),
    }),
    column.display({
      id: "actions",
      header: "",
      cell: (c) =>
        c.row.original.revokedAt ? null : (
          <Button size="sm" variant="ghost" onClick={() => setRevoking(c.row.original)}>
            Revoke
          </Button>
        ),
    }),
  ];

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let integrations call the REST API (see the <a className="text-indigo-700 underline" href="/api/docs">API reference</a>). A key is shown once.
          </>
        }
        actions={<Button onClick={() => setCreating(true)}>New API key</Button>}
      />
      <DataTable
        label="API keys"
        columns={columns}
        rows={keys.data?.rows}
        total={keys.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        isLoading={keys.isFetching}
        error={keys.error}
        onRetry={() => void keys.refetch()}
        getRowId={(k) => k.id}
        empty={<EmptyState title="No API keys yet" description="Create one for each system that calls the API." action={<Button onClick={() => setCreating(true)}>New API key</Button>} />}
      />
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={invalidate} />
      <ConfirmDialog
        open={!!revoking}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ apiKeyId: revoking.id })}
        pending={revoke.isPending}
        title="Revoke this API key?"
        description={`Calls made with "${revoking?.name ?? ""}" will be refused from now on. This cannot be undone.`}
        confirmLabel="Revoke key"
      />
    </>
  );
}

function CreateApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const trpc = useTRPC();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "", scopes: [] } });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (result) => {
        setSecret(result.secret);
        form.reset();
        onCreated();
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const close = () => {
    setSecret(null);
    onClose();
  };
  if (secret) {
    return (
      <Dialog open={open} onClose={close} title="Copy your API key now" description="It will not be shown again. Store it in the integration's secret store.">
        <Input readOnly aria-label="New API key" value={secret} onFocus={(e) => e.currentTarget.select()} className="font-mono" />
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret).then(() => toast.success("Copied."))}>
          Copy to clipboard
        </Button>
      </Dialog>
    );
  }
  const errors = form.formState.errors;
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New API key"
      footer={
        <Button type="submit" form="create-api-key" pending={create.isPending}>
          Create key
        </Button>
      }
    >
      <form id="create-api-key" noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <FormField label="Name" hint="The system that will use it, e.g. “POS Dublin”." error={errors.name?.message}>
          <Input {...form.register("name")} />
        </FormField>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Scopes</legend>
          <div className="grid grid-cols-2 gap-2">
            {apiScopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <Checkbox value={scope} {...form.register("scopes")} />
                {scope}
              </label>
            ))}
          </div>
          {errors.scopes && (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {errors.scopes.message}
            </p>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
