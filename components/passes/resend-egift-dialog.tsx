"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { showServerErrors } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { IssuedPass } from "@/server/domain/passes/issue/issue-electronic";
import { resendEgiftSchema, resendLimitPerHour, type ResendEgiftFormValues, type ResendEgiftInput } from "@/server/domain/passes/issue/schemas";

interface PassRecipient {
  passId: string;
  codeMask: string;
  recipientEmail: string | null;
  recipientPhone: string | null;
  recipientName: string | null;
}

/**
 * Support re-sends an eGift (D5): the same code, to the pass's recipient or a corrected one.
 * Fields start with the current recipient; a changed value is stored on the pass.
 */
export function ResendEgiftButton({ pass, onResent }: { pass: PassRecipient; onResent?: (pass: IssuedPass) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const defaults: ResendEgiftFormValues = {
    passId: pass.passId,
    recipient: { email: pass.recipientEmail ?? "", phone: pass.recipientPhone ?? "", name: pass.recipientName ?? "" },
  };
  const form = useForm<ResendEgiftFormValues, unknown, ResendEgiftInput>({ resolver: zodResolver(resendEgiftSchema), defaultValues: defaults });
  const resend = useMutation(
    trpc.egifts.resend.mutationOptions({
      onSuccess: (resent) => {
        toast.success(`The eGift was re-sent to ${resent.messages.map((m) => m.to).join(" and ")}.`);
        onResent?.(resent);
        setOpen(false);
        // The pass page shows the (possibly corrected) recipient and a new timeline entry.
        void queryClient.invalidateQueries({ queryKey: trpc.passes.pathKey() });
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const errors = form.formState.errors.recipient;
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          form.reset(defaults);
          setOpen(true);
        }}
      >
        Re-send eGift
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Re-send eGift ${pass.codeMask}`}
        description={`The same code is sent again. Correct the recipient if needed; at most ${resendLimitPerHour} re-sends per hour.`}
        footer={
          <Button type="submit" form="resend-egift" pending={resend.isPending}>
            Re-send
          </Button>
        }
      >
        <form id="resend-egift" noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => resend.mutate(values))}>
          <FormField label="Recipient email" error={errors?.email?.message ?? errors?.message}>
            <Input type="email" {...form.register("recipient.email")} />
          </FormField>
          <FormField label="Recipient phone" error={errors?.phone?.message}>
            <Input type="tel" {...form.register("recipient.phone")} />
          </FormField>
          <FormField label="Recipient name" error={errors?.name?.message}>
            <Input {...form.register("recipient.name")} />
          </FormField>
        </form>
      </Dialog>
    </>
  );
}
