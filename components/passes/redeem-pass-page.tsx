"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { fieldErrorsOf, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import type { RedemptionCheck } from "@/server/domain/passes/redeem/check";
import type { RedemptionCredentials } from "@/server/domain/passes/redeem/schemas";
import type { Unlocks } from "@/server/domain/passes/redeem/unlocks";
import type { WalletCredit } from "@/server/domain/passes/redeem/money-step";
import { moneyLabel } from "./pass-labels";

const unlocksLabel = (unlocks: Unlocks) => (unlocks.kind === "VALUE" ? moneyLabel(unlocks.amountMinor, unlocks.currency) : "Its linked reward offer");

type Outcome = { kind: "checked"; check: RedemptionCheck } | { kind: "redeemed"; passId: string; codeMask: string; unlocked: Unlocks; credit: WalletCredit | null } | null;

/**
 * Support redeems a pass on behalf of a contact (D5): check it first, then redeem with a
 * confirmation. The code is typed, sent once and never shown back; answers show the mask.
 */
export function RedeemPassPage({ initialContactId = "" }: { initialContactId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ code: "", pin: "", otp: "", contactId: initialContactId });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState(false);
  const credentials = (): RedemptionCredentials => ({
    code: form.code,
    pin: form.pin || undefined,
    otp: form.otp || undefined,
    contactId: form.contactId || undefined,
  });
  const onError = (err: unknown) => {
    const fields = fieldErrorsOf(err);
    setErrors(fields);
    if (Object.keys(fields).length === 0) toastError(err);
  };
  const check = useMutation(trpc.passes.checkRedemption.mutationOptions({ onSuccess: (result) => { setErrors({}); setOutcome({ kind: "checked", check: result }); }, onError }));
  const redeem = useMutation(
    trpc.passes.redeem.mutationOptions({
      onSuccess: (result) => {
        setConfirming(false);
        setErrors({});
        setOutcome({ kind: "redeemed", passId: result.pass.passId, codeMask: result.pass.codeMask, unlocked: result.unlocked, credit: result.credit });
        setForm({ code: "", pin: "", otp: "", contactId: initialContactId });
        if (result.credit) void queryClient.invalidateQueries({ queryKey: trpc.walletRead.pathKey() });
        toast.success(`Pass ${result.pass.codeMask} was redeemed.`);
      },
      onError: (err) => {
        setConfirming(false);
        onError(err);
      },
    }),
  );
  const requestOtp = useMutation(
    trpc.passes.requestOtp.mutationOptions({ onSuccess: (sent) => toast.success(`A one-time code was sent by ${sent.channel === "SMS" ? "SMS" : "email"} to ${sent.sentTo}.`), onError }),
  );
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate(credentials());
  };

  return (
    <>
      <PageHeader title="Redeem a pass" description="Check a pass and redeem it on behalf of a contact. Wrong codes and PINs are counted; too many lock the code for a while." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Pass">
          <form className="space-y-4" noValidate onSubmit={submit} autoComplete="off">
            <FormField label="Pass code" error={errors.code}>
              <Input value={form.code} onChange={set("code")} autoComplete="off" spellCheck={false} />
            </FormField>
            <FormField label="PIN" hint="Only if the pass has one." error={errors.pin}>
              <Input value={form.pin} onChange={set("pin")} inputMode="numeric" autoComplete="off" />
            </FormField>
            <FormField label="One-time code" hint="Only if the pass's plan requires one: send it first." error={errors.otp}>
              <Input value={form.otp} onChange={set("otp")} inputMode="numeric" autoComplete="one-time-code" />
            </FormField>
            <FormField label="Contact id" hint="The contact redeeming; required for promotion passes." error={errors.contactId}>
              <Input value={form.contactId} onChange={set("contactId")} />
            </FormField>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" pending={check.isPending}>
                Check pass
              </Button>
              <Button type="button" variant="secondary" pending={requestOtp.isPending} onClick={() => requestOtp.mutate({ code: form.code, pin: form.pin || undefined, contactId: form.contactId || undefined })}>
                Send one-time code
              </Button>
            </div>
          </form>
        </Card>
        <Card title="Result">
          {outcome === null ? (
            <p className="text-sm text-slate-600">Check a pass to see what it unlocks.</p>
          ) : outcome.kind === "checked" ? (
            <div className="space-y-3 text-sm" role="status">
              <p>
                Pass{" "}
                <Link href={`/passes/${outcome.check.pass.passId}`} className="font-medium text-indigo-700 hover:underline">
                  {outcome.check.pass.codeMask}
                </Link>{" "}
                of plan {outcome.check.pass.planName} can be redeemed.
              </p>
              <p>
                It unlocks: <strong>{unlocksLabel(outcome.check.unlocks)}</strong>
              </p>
              <Button onClick={() => setConfirming(true)}>Redeem pass</Button>
            </div>
          ) : (
            <div className="space-y-2 text-sm" role="status">
              <p>
                Pass{" "}
                <Link href={`/passes/${outcome.passId}`} className="font-medium text-indigo-700 hover:underline">
                  {outcome.codeMask}
                </Link>{" "}
                was redeemed.
              </p>
              <p>
                Unlocked: <strong>{unlocksLabel(outcome.unlocked)}</strong>
              </p>
              {outcome.credit ? <CreditResult credit={outcome.credit} /> : <p className="text-slate-500">Nothing was credited to a wallet.</p>}
            </div>
          )}
        </Card>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => redeem.mutate(credentials())}
        title="Redeem this pass?"
        description={outcome?.kind === "checked" ? `Pass ${outcome.check.pass.codeMask} will be used once for ${unlocksLabel(outcome.check.unlocks)}.` : ""}
        confirmLabel="Redeem"
        destructive={false}
        pending={redeem.isPending}
      />
    </>
  );
}

/** What the redemption put in the wallet: the amount credited and the wallet's new available balance. */
function CreditResult({ credit }: { credit: WalletCredit }) {
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2">
      <p>
        Credited <strong>{moneyLabel(credit.creditedMinor, credit.balances.currency)}</strong> to the wallet. New available balance:{" "}
        <strong>{moneyLabel(credit.balances.availableMinor, credit.balances.currency)}</strong>.
      </p>
      <Link href={`/contacts/${credit.contactId}/wallet`} className="font-medium text-indigo-700 hover:underline">
        Open the contact&apos;s wallet
      </Link>
    </div>
  );
}
