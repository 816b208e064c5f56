"use client";

import type { FieldValues, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { showServerErrors } from "@/components/ui/errors";
import { useInvalidateNetwork } from "./use-network-list";

/**
 * The submit handler of a network form dialog: saves the validated values, announces success,
 * refreshes the network lists and closes; a refusal lands next to its field, or in a toast.
 */
export function useSaveForm<TInput extends FieldValues, TOutput>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  save: (values: TOutput) => Promise<unknown>,
  { success, onDone }: { success: string; onDone: () => void },
) {
  const invalidate = useInvalidateNetwork();
  return {
    pending: form.formState.isSubmitting,
    onSubmit: form.handleSubmit(async (values) => {
      try {
        await save(values);
      } catch (err) {
        showServerErrors(err, form.setError);
        return;
      }
      toast.success(success);
      void invalidate();
      onDone();
    }),
  };
}
