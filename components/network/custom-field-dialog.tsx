"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import type { CustomFieldDefinition } from "@/server/domain/network/custom-fields";
import { customFieldEntities, customFieldTypes } from "@/server/domain/network/kinds";
import { createCustomFieldSchema } from "@/server/domain/network/schemas";
import { entityLabels, typeLabels } from "./custom-field-labels";
import { FormDialog } from "./form-dialog";
import { OptionsInput } from "./options-input";
import { useSaveForm } from "./use-save-form";

/** Defines a custom field, or edits `field` (its entity, key and type are fixed once values may exist). */
export function CustomFieldDialog({ field, onClose }: { field?: CustomFieldDefinition; onClose: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.network.customFields.create.mutationOptions());
  const update = useMutation(trpc.network.customFields.update.mutationOptions());
  const form = useForm({
    resolver: zodResolver(createCustomFieldSchema),
    defaultValues: {
      entity: field?.entity ?? "contact",
      key: field?.key ?? "",
      label: field?.label ?? "",
      type: field?.type ?? "text",
      options: field?.options ?? [],
      required: field?.required ?? false,
    },
  });
  const { pending, onSubmit } = useSaveForm(
    form,
    (v) => (field ? update.mutateAsync({ id: field.id, label: v.label, options: v.options, required: v.required }) : create.mutateAsync(v)),
    { success: field ? "Custom field saved." : "Custom field created.", onDone: onClose },
  );
  const errors = form.formState.errors;
  const type = form.watch("type");
  return (
    <FormDialog title={field ? `Edit ${field.label}` : "New custom field"} formId="custom-field" submitLabel={field ? "Save field" : "Create field"} pending={pending} onClose={onClose} onSubmit={onSubmit}>
      {!field && (
        <div className="grid grid-cols-2 gap-4">
          <FormField label="Applies to" error={errors.entity?.message}>
            <Select {...form.register("entity")}>
              {customFieldEntities.map((e) => (
                <option key={e} value={e}>
                  {entityLabels[e]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Type" error={errors.type?.message}>
            <Select {...form.register("type")}>
              {customFieldTypes.map((t) => (
                <option key={t} value={t}>
                  {typeLabels[t]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Key" hint="Lower-case letters, digits and '_'; the name the API uses." error={errors.key?.message} className="col-span-2">
            <Input autoComplete="off" {...form.register("key")} />
          </FormField>
        </div>
      )}
      <FormField label="Label" error={errors.label?.message}>
        <Input autoFocus {...form.register("label")} />
      </FormField>
      {type === "select" && (
        <Controller
          control={form.control}
          name="options"
          render={({ field: options, fieldState }) => (
            <FormField label="Options" hint="One per line." error={fieldState.error?.message}>
              <OptionsInput value={options.value ?? []} onChange={options.onChange} />
            </FormField>
          )}
        />
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <Checkbox {...form.register("required")} />
        Required
      </label>
    </FormDialog>
  );
}
