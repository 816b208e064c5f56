"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { format, isValid } from "date-fns";
import { Controller, useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { ExchangeRate } from "@/server/domain/network/exchange-rates";
import { createExchangeRateSchema } from "@/server/domain/network/schemas";
import { FormDialog } from "./form-dialog";
import { useCurrencyOptions } from "./use-options";
import { useSaveForm } from "./use-save-form";

const localInput = "yyyy-MM-dd'T'HH:mm";

/** Adds an exchange rate, or corrects `rate` (its currency pair is fixed). */
export function ExchangeRateDialog({ rate, onClose }: { rate?: ExchangeRate; onClose: () => void }) {
  const trpc = useTRPC();
  const currencies = useCurrencyOptions();
  const create = useMutation(trpc.network.exchangeRates.create.mutationOptions());
  const update = useMutation(trpc.network.exchangeRates.update.mutationOptions());
  const form = useForm({
    resolver: zodResolver(createExchangeRateSchema),
    defaultValues: { base: rate?.base ?? "", quote: rate?.quote ?? "", rate: rate?.rate ?? "", validFrom: rate?.validFrom ?? new Date() },
  });
  const save = (values: { rate: string; validFrom: Date; base: string; quote: string }) =>
    rate ? update.mutateAsync({ id: rate.id, rate: values.rate, validFrom: values.validFrom }) : create.mutateAsync(values);
  const { pending, onSubmit } = useSaveForm(form, save, { success: rate ? "Exchange rate corrected." : "Exchange rate added.", onDone: onClose });
  const errors = form.formState.errors;
  const currencyOptions = currencies.map((c) => (
    <option key={c.code} value={c.code}>
      {c.code} · {c.name}
    </option>
  ));
  return (
    <FormDialog
      title={rate ? `Correct ${rate.base} → ${rate.quote}` : "New exchange rate"}
      description="1 unit of the base currency is worth the rate in the quote currency, from the given time until the pair's next rate."
      formId="exchange-rate"
      submitLabel={rate ? "Save rate" : "Add rate"}
      pending={pending}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      {!rate && (
        <div className="grid grid-cols-2 gap-4">
          <FormField label="Base currency" error={errors.base?.message}>
            <Select {...form.register("base")}>
              <option value="">Choose…</option>
              {currencyOptions}
            </Select>
          </FormField>
          <FormField label="Quote currency" error={errors.quote?.message}>
            <Select {...form.register("quote")}>
              <option value="">Choose…</option>
              {currencyOptions}
            </Select>
          </FormField>
        </div>
      )}
      <FormField label="Rate" hint="A decimal, e.g. 1.0845." error={errors.rate?.message}>
        <Input inputMode="decimal" autoComplete="off" {...form.register("rate")} />
      </FormField>
      <Controller
        control={form.control}
        name="validFrom"
        render={({ field, fieldState }) => (
          <FormField label="Valid from" error={fieldState.error?.message}>
            <Input
              type="datetime-local"
              value={field.value instanceof Date && isValid(field.value) ? format(field.value, localInput) : ""}
              onChange={(e) => field.onChange(e.target.value ? new Date(e.target.value) : undefined)}
              onBlur={field.onBlur}
            />
          </FormField>
        )}
      />
    </FormDialog>
  );
}
