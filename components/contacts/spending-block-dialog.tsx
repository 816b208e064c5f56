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
import { Textarea } from "@/components/ui/input";
import type { Contact } from "@/server/domain/contacts/contact-rows";
import { spendingBlockSchema, type SpendingBlockInput } from "@/server/domain/contacts/schemas";
import { contactName } from "./contact-labels";
import { useContactUpdated } from "./use-contact-updated";

const copy = {
  block: {
    title: "Block spending",
    description: "Spends and payouts will fail until spending is unblocked; credits still arrive. The reason is kept in the audit log.",
    done: (name: string) => `Spending is blocked for ${name}.`,
  },
  unblock: {
    title: "Unblock spending",
    description: "The contact can spend again. Say why the block is lifted; the reason is kept in the audit log.",
    done: (name: string) => `Spending is allowed again for ${name}.`,
  },
} as const;

/** Blocks or unblocks (whichever the contact's state calls for), always with a reason (D3). */
export function SpendingBlockDialog({ contact, open, onClose }: { contact: Contact; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const updated = useContactUpdated();
  const mode = contact.spendingBlocked ? "unblock" : "block";
  const form = useForm<SpendingBlockInput>({
    resolver: zodResolver(spendingBlockSchema),
    defaultValues: { contactId: contact.id, reason: "" },
  });
  const options = {
    onSuccess: (changed: Contact) => {
      updated(changed);
      toast.success(copy[mode].done(contactName(changed)));
      form.reset({ contactId: contact.id, reason: "" });
      onClose();
    },
    onError: (err: unknown) => showServerErrors(err, form.setError),
  };
  const block = useMutation(trpc.contacts.blockSpending.mutationOptions(options));
  const unblock = useMutation(trpc.contacts.unblockSpending.mutationOptions(options));
  const mutation = mode === "block" ? block : unblock;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={copy[mode].title}
      description={copy[mode].description}
      footer={
        <Button type="submit" form="spending-block" variant={mode === "block" ? "danger" : "primary"} pending={mutation.isPending}>
          {copy[mode].title}
        </Button>
      }
    >
      <form id="spending-block" noValidate onSubmit={form.handleSubmit((values) => mutation.mutate(values))}>
        <FormField label="Reason" error={form.formState.errors.reason?.message}>
          <Textarea required maxLength={500} {...form.register("reason")} />
        </FormField>
      </form>
    </Dialog>
  );
}
