"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { nameInputSchema, type NameInput } from "@/server/domain/network/schemas";
import { FormDialog } from "./form-dialog";
import { useSaveForm } from "./use-save-form";

interface NameDialogProps {
  title: string;
  /** The field's label, e.g. "Merchant name". */
  label: string;
  formId: string;
  submitLabel: string;
  initialName?: string;
  description?: string;
  save: (values: NameInput) => Promise<unknown>;
  success: string;
  onClose: () => void;
}

/** Creates or renames an entity whose only free field is its name (merchants, venues, product families). */
export function NameDialog({ title, label, formId, submitLabel, initialName = "", description, save, success, onClose }: NameDialogProps) {
  const form = useForm({ resolver: zodResolver(nameInputSchema), defaultValues: { name: initialName } });
  const { pending, onSubmit } = useSaveForm(form, save, { success, onDone: onClose });
  return (
    <FormDialog title={title} description={description} formId={formId} submitLabel={submitLabel} pending={pending} onClose={onClose} onSubmit={onSubmit}>
      <FormField label={label} error={form.formState.errors.name?.message}>
        <Input autoFocus {...form.register("name")} />
      </FormField>
    </FormDialog>
  );
}
