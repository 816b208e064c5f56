"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/providers/trpc";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { addTerminalSchema } from "@/server/domain/network/schemas";
import { FormDialog } from "./form-dialog";
import { useSaveForm } from "./use-save-form";

/** Adds a transaction acquiring point (terminal id) to a merchant or venue. */
export function TerminalDialog({ organisation, onClose }: { organisation: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.network.terminals.add.mutationOptions());
  const form = useForm({ resolver: zodResolver(addTerminalSchema), defaultValues: { organisationId: organisation.id, terminalId: "" } });
  const { pending, onSubmit } = useSaveForm(form, add.mutateAsync, { success: "Terminal added.", onDone: onClose });
  return (
    <FormDialog
      title={`Add a terminal to ${organisation.name}`}
      description="The terminal id a POS or transaction processor reports with each purchase; unique across the business."
      formId="add-terminal"
      submitLabel="Add terminal"
      pending={pending}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <FormField label="Terminal id" error={form.formState.errors.terminalId?.message}>
        <Input autoFocus autoComplete="off" {...form.register("terminalId")} />
      </FormField>
    </FormDialog>
  );
}
