"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { showServerErrors } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { Contact } from "@/server/domain/contacts/contact-rows";
import { updateContactNamesSchema, type UpdateContactNamesInput } from "@/server/domain/contacts/schemas";
import { useContactUpdated } from "./use-contact-updated";

export function ContactNamesDialog({ contact, open, onClose }: { contact: Contact; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const updated = useContactUpdated();
  const form = useForm<UpdateContactNamesInput>({
    resolver: zodResolver(updateContactNamesSchema),
    values: { contactId: contact.id, firstName: contact.firstName ?? "", lastName: contact.lastName ?? "" },
  });
  const update = useMutation(
    trpc.contacts.updateNames.mutationOptions({
      onSuccess: (changed) => {
        updated(changed);
        toast.success("The names were saved.");
        onClose();
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const errors = form.formState.errors;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit names"
      footer={
        <Button type="submit" form="contact-names" pending={update.isPending}>
          Save names
        </Button>
      }
    >
      <form id="contact-names" noValidate className="grid gap-4 sm:grid-cols-2" onSubmit={form.handleSubmit((values) => update.mutate(values))}>
        <FormField label="First name" error={errors.firstName?.message}>
          <Input autoComplete="off" {...form.register("firstName")} />
        </FormField>
        <FormField label="Last name" error={errors.lastName?.message}>
          <Input autoComplete="off" {...form.register("lastName")} />
        </FormField>
      </form>
    </Dialog>
  );
}
