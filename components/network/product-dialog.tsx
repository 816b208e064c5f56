"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { Product } from "@/server/domain/network/products";
import { createProductSchema } from "@/server/domain/network/schemas";
import { FormDialog } from "./form-dialog";
import { useFamilyOptions } from "./use-options";
import { useSaveForm } from "./use-save-form";

/** Creates a product, or edits `product` when given. */
export function ProductDialog({ product, onClose }: { product?: Product; onClose: () => void }) {
  const trpc = useTRPC();
  const families = useFamilyOptions();
  const create = useMutation(trpc.network.products.create.mutationOptions());
  const update = useMutation(trpc.network.products.update.mutationOptions());
  const form = useForm({
    resolver: zodResolver(createProductSchema),
    defaultValues: { sku: product?.sku ?? "", name: product?.name ?? "", familyId: product?.familyId ?? null },
  });
  const { pending, onSubmit } = useSaveForm(form, (values) => (product ? update.mutateAsync({ id: product.id, ...values }) : create.mutateAsync(values)), {
    success: product ? "Product saved." : "Product created.",
    onDone: onClose,
  });
  const errors = form.formState.errors;
  return (
    <FormDialog title={product ? `Edit ${product.name}` : "New product"} formId="product" submitLabel={product ? "Save product" : "Create product"} pending={pending} onClose={onClose} onSubmit={onSubmit}>
      <FormField label="SKU" error={errors.sku?.message}>
        <Input autoFocus autoComplete="off" {...form.register("sku")} />
      </FormField>
      <FormField label="Name" error={errors.name?.message}>
        <Input {...form.register("name")} />
      </FormField>
      <FormField label="Product family" error={errors.familyId?.message}>
        <Select {...form.register("familyId", { setValueAs: (v: string | null) => v || null })}>
          <option value="">No family</option>
          {families.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </FormField>
    </FormDialog>
  );
}
