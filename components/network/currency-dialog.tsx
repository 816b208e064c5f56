"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input } from "@/components/ui/input";
import { createCurrencySchema } from "@/server/domain/network/schemas";
import { FormDialog } from "./form-dialog";
import { useSaveForm } from "./use-save-form";

/** Adds a currency; its code and minor units are fixed from then on (amounts are stored in minor units). */
export function CurrencyDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.network.currencies.create.mutationOptions());
  const form = useForm({
    resolver: zodResolver(createCurrencySchema),
    defaultValues: { code: "", name: "", minorUnits: 2, isBusinessCurrency: false },
  });
  const { pending, onSubmit } = useSaveForm(form, create.mutateAsync, { success: "Currency added.", onDone: onClose });
  const errors = form.formState.errors;
  return (
    <FormDialog title="New currency" formId="currency" submitLabel="Add currency" pending={pending} onClose={onClose} onSubmit={onSubmit}>
      <FormField label="Code" hint="The ISO 4217 code, e.g. EUR." error={errors.code?.message}>
        <Input autoFocus autoComplete="off" maxLength={3} className="uppercase" {...form.register("code")} />
      </FormField>
      <FormField label="Name" error={errors.name?.message}>
        <Input {...form.register("name")} />
      </FormField>
      <FormField label="Minor units" hint="Digits after the decimal point: 2 for EUR, 0 for JPY." error={errors.minorUnits?.message}>
        <Input type="number" min={0} max={4} step={1} {...form.register("minorUnits")} />
      </FormField>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <Checkbox {...form.register("isBusinessCurrency")} />
        Make it the business currency (reports and rewards convert into it)
      </label>
    </FormDialog>
  );
}
