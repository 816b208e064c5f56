"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/dialog";
import { fieldErrorsOf, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import type { PassDetail } from "@/server/domain/passes/history/detail";
import { moneyLabel, when } from "./pass-labels";

interface DialogProps {
  pass: PassDetail;
  open: boolean;
  onClose: () => void;
}

/** A required reason, with the server's refusal shown under it. */
function ReasonField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: string | null }) {
  return (
    <FormField label="Reason" error={error ?? undefined}>
      <Textarea maxLength={500} value={value} onChange={(e) => onChange(e.target.value)} />
    </FormField>
  );
}

function useRefusal() {
  const [error, setError] = useState<string | null>(null);
  const onError = (err: unknown) => {
    const message = fieldErrorsOf(err).reason;
    if (message) setError(message);
    else toastError(err);
  };
  return { error, onError };
}

/** Support: cancel a lost gift pass and issue its remaining value on a new pass to the same contact (D5). */
export function ReplaceLostPassDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const { error, onError } = useRefusal();
  const replace = useMutation(
    trpc.passSupport.replaceLost.mutationOptions({
      onError,
      onSuccess: async (result) => {
        toast.success(`Pass ${pass.codeMask} is cancelled; new pass ${result.replacement.codeMask} was sent to the contact.`);
        await queryClient.invalidateQueries({ queryKey: trpc.passes.pathKey() });
        onClose();
        router.push(`/passes/${result.replacement.passId}`);
      },
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={() => replace.mutate({ passId: pass.passId, reason })}
      title="Replace this lost pass?"
      description={`Pass ${pass.codeMask} will be cancelled and a new pass worth ${moneyLabel(pass.remainingValueMinor, pass.currency)} issued to ${pass.contact?.name ?? "the same contact"}, who receives its code. This cannot be undone.`}
      confirmLabel="Replace pass"
      pending={replace.isPending}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ConfirmDialog>
  );
}

/** Support: roll back the latest redemption while its credited funds are unspent (D6). */
export function ReverseRedemptionDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const { error, onError } = useRefusal();
  const redemption = pass.latestRedemption;
  const reverse = useMutation(
    trpc.passSupport.reverseRedemption.mutationOptions({
      onError,
      onSuccess: async (result) => {
        toast.success(`Redemption rolled back: ${moneyLabel(result.reversedMinor, pass.currency)} returned to the pass.`);
        // The funds left a wallet too: a wallet page already open must not show the old balance.
        void queryClient.invalidateQueries({ queryKey: trpc.walletRead.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.passes.pathKey() });
        onClose();
      },
    }),
  );
  if (!redemption) return null;
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={() => reverse.mutate({ redemptionId: redemption.id, reason })}
      title="Roll back this redemption?"
      description={`The redemption of ${moneyLabel(redemption.amountMinor, redemption.currency)} on ${when(redemption.createdAt)} is reversed: the funds leave the wallet and the pass is active again with that value. Only possible while the funds are unspent.`}
      confirmLabel="Roll back redemption"
      pending={reverse.isPending}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ConfirmDialog>
  );
}
