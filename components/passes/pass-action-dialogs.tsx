"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { fieldErrorsOf, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import type { PassDetail } from "@/server/domain/passes/history/detail";
import { MoneyInput } from "./plan-form-parts";
import { moneyLabel } from "./pass-labels";

export type PassDialog = "activate" | "cancel" | "expiry" | "value" | "resetPin" | null;

interface DialogProps {
  pass: PassDetail;
  open: boolean;
  onClose: () => void;
}

/** Refreshes the pass and its timeline after a change, and reports a refusal next to its field or as a toast. */
function usePassMutationHandlers(onClose: () => void, setFieldError: (message: string | null) => void, field: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.passes.pathKey() });
      setFieldError(null);
      onClose();
    },
    onError: (err: unknown) => {
      const message = fieldErrorsOf(err)[field];
      if (message) setFieldError(message);
      else toastError(err);
    },
  };
}

export function CancelPassDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const handlers = usePassMutationHandlers(onClose, () => undefined, "reason");
  const cancel = useMutation(trpc.passes.cancel.mutationOptions({ ...handlers, onSuccess: async () => { toast.success(`Pass ${pass.codeMask} is cancelled.`); await handlers.onSuccess(); } }));
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={() => cancel.mutate({ passId: pass.passId, reason: reason || undefined })}
      title="Cancel this pass?"
      description={`Pass ${pass.codeMask} will never redeem again. This cannot be undone.`}
      confirmLabel="Cancel pass"
      pending={cancel.isPending}
    >
      <FormField label="Reason (optional)">
        <Textarea maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </ConfirmDialog>
  );
}

export function ChangeExpiryDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const [date, setDate] = useState(pass.expiresAt ? format(pass.expiresAt, "yyyy-MM-dd") : "");
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(trpc.passes.changeExpiry.mutationOptions(usePassMutationHandlers(onClose, setError, "expiresAt")));
  // A date means "valid through that day" (end of the day, UTC); empty means no expiry.
  const submit = () => change.mutate({ passId: pass.passId, expiresAt: date ? new Date(`${date}T23:59:59Z`) : null });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change expiry"
      description="The pass can be redeemed through the end of this day (UTC). Leave it empty for no expiry."
      footer={<Button onClick={submit} pending={change.isPending}>Save expiry</Button>}
    >
      <FormField label="Expires on" error={error ?? undefined}>
        <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </FormField>
    </Dialog>
  );
}

function ValueField({ pass, value, onChange, error }: { pass: PassDetail; value: number | null; onChange: (v: number | null) => void; error: string | null }) {
  return (
    <FormField label={`Value (${pass.currency ?? ""})`} error={error ?? undefined} hint={`Between ${moneyLabel(pass.plan.minValueMinor, pass.currency)} and ${moneyLabel(pass.plan.maxValueMinor, pass.currency)}.`}>
      <MoneyInput value={value} onChange={(v) => onChange(v ?? null)} minorUnits={2} />
    </FormField>
  );
}

/** DRAFT → ACTIVE; a printed variable-value pass gets its value here (D5). */
export function ActivatePassDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const needsValue = pass.plan.valueMode === "VARIABLE";
  const [value, setValue] = useState<number | null>(pass.initialValueMinor);
  const [error, setError] = useState<string | null>(null);
  const activate = useMutation(trpc.passes.activate.mutationOptions(usePassMutationHandlers(onClose, setError, "valueMinor")));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Activate pass"
      description={`Pass ${pass.codeMask} becomes redeemable.`}
      footer={<Button onClick={() => activate.mutate({ passId: pass.passId, valueMinor: needsValue ? (value ?? undefined) : undefined })} pending={activate.isPending}>Activate</Button>}
    >
      {needsValue && <ValueField pass={pass} value={value} onChange={setValue} error={error} />}
    </Dialog>
  );
}

export function ChangeValueDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const [value, setValue] = useState<number | null>(pass.initialValueMinor);
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(trpc.passes.changeValue.mutationOptions(usePassMutationHandlers(onClose, setError, "valueMinor")));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change value"
      description="Possible until the pass is first used; the remaining value follows."
      footer={<Button onClick={() => value !== null && change.mutate({ passId: pass.passId, valueMinor: value })} pending={change.isPending}>Save value</Button>}
    >
      <ValueField pass={pass} value={value} onChange={setValue} error={error} />
    </Dialog>
  );
}

/** A new random PIN, shown once so support can hand it to the holder; only its hash is kept. */
export function ResetPinDialog({ pass, open, onClose }: DialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState<string | null>(null);
  const reset = useMutation(
    trpc.passes.resetPin.mutationOptions({
      onSuccess: async (result) => {
        setPin(result.pin);
        await queryClient.invalidateQueries({ queryKey: trpc.passes.pathKey() });
      },
      onError: toastError,
    }),
  );
  const close = () => {
    setPin(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={pass.hasPin ? "Reset PIN" : "Create a PIN"}
      description={pin ? "Give this PIN to the holder now: it is not shown again." : "A new random 4-digit PIN replaces the current one."}
      footer={!pin && <Button onClick={() => reset.mutate({ passId: pass.passId, length: 4 })} pending={reset.isPending}>Generate PIN</Button>}
    >
      {pin && (
        <p role="status" className="text-center font-mono text-3xl tracking-widest text-slate-900">
          {pin}
        </p>
      )}
    </Dialog>
  );
}
