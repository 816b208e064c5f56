"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import type { CommercePool } from "@/server/domain/network/commerce-pools";
import { createCommercePoolSchema } from "@/server/domain/network/schemas";
import { CheckboxList } from "./checkbox-list";
import { FormDialog } from "./form-dialog";
import { useFamilyOptions, useOrganisationOptions } from "./use-options";
import { useSaveForm } from "./use-save-form";

/** Creates a commerce pool, or edits `pool` (its member lists are replaced by the chosen ones). */
export function CommercePoolDialog({ pool, onClose }: { pool?: CommercePool; onClose: () => void }) {
  const trpc = useTRPC();
  const organisations = useOrganisationOptions();
  const families = useFamilyOptions();
  const create = useMutation(trpc.network.commercePools.create.mutationOptions());
  const update = useMutation(trpc.network.commercePools.update.mutationOptions());
  const form = useForm({
    resolver: zodResolver(createCommercePoolSchema),
    defaultValues: {
      name: pool?.name ?? "",
      description: pool?.description ?? null,
      organisationIds: pool?.organisations.map((o) => o.id) ?? [],
      familyIds: pool?.families.map((f) => f.id) ?? [],
    },
  });
  const { pending, onSubmit } = useSaveForm(form, (values) => (pool ? update.mutateAsync({ id: pool.id, ...values }) : create.mutateAsync(values)), {
    success: pool ? "Commerce pool saved." : "Commerce pool created.",
    onDone: onClose,
  });
  const errors = form.formState.errors;
  return (
    <FormDialog
      title={pool ? `Edit ${pool.name}` : "New commerce pool"}
      description="Funds credited to a pool are spendable only at its organisations or on its product families."
      formId="commerce-pool"
      submitLabel={pool ? "Save pool" : "Create pool"}
      pending={pending}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <FormField label="Name" error={errors.name?.message}>
        <Input autoFocus {...form.register("name")} />
      </FormField>
      <FormField label="Description" error={errors.description?.message}>
        <Textarea {...form.register("description", { setValueAs: (v: string | null) => v || null })} />
      </FormField>
      <Controller
        control={form.control}
        name="organisationIds"
        render={({ field, fieldState }) => (
          <CheckboxList
            legend="Organisations"
            options={organisations.map((o) => ({ id: o.id, label: o.parentName ? `${o.name} (${o.parentName})` : o.name }))}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            empty="No live organisations."
          />
        )}
      />
      <Controller
        control={form.control}
        name="familyIds"
        render={({ field, fieldState }) => (
          <CheckboxList
            legend="Product families"
            options={families.map((f) => ({ id: f.id, label: f.name }))}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            empty="No live product families."
          />
        )}
      />
    </FormDialog>
  );
}
