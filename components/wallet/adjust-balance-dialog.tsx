"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { fieldErrorsOf, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { DomainError } from "@/server/domain/errors";
import { parseDecimalToMinor } from "@/server/domain/money";
import type { ContactWallet } from "@/server/domain/wallet/read/contact-wallets";
import { money } from "./wallet-labels";

type Direction = "credit" | "debit";
/** The funds select's value for the open funds; otherwise it holds a pool id, or "" for the business pocket (credits) or every pocket (debits). */
const OPEN_FUNDS = "open";
const empty = { direction: "credit" as Direction, amount: "", funds: "", reason: "" };

/**
 * Finance's manual adjustment of a wallet (D4): amount, funds (a commerce pocket or the open
 * funds) and a mandatory reason, then a confirmation naming the signed amount before anything
 * moves. The server checks the role and the funds; its refusals show next to the fields.
 */
export function AdjustBalanceDialog({ contactId, wallet, open, onClose }: { contactId: string; wallet: ContactWallet; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<number | null>(null);
  const close = () => {
    setForm(empty);
    setErrors({});
    setPending(null);
    onClose();
  };
  const adjust = useMutation(
    trpc.walletAdjustments.adjust.mutationOptions({
      onSuccess: (done) => {
        toast.success(`Adjusted by ${money(done.amountMinor, wallet.currency)}. Available now ${money(done.balances.availableMinor, wallet.currency)}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.walletRead.pathKey() });
        close();
      },
      onError: (err) => {
        setPending(null);
        const fields = fieldErrorsOf(err);
        setErrors(fields.amountMinor ? { ...fields, amount: fields.amountMinor } : fields);
        if (Object.keys(fields).length === 0) toastError(err);
      },
    }),
  );
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const review = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    let minor = 0;
    try {
      minor = parseDecimalToMinor(form.amount, wallet.minorUnits);
      if (minor <= 0) found.amount = "Enter a positive amount; choose credit or debit above.";
    } catch (err) {
      found.amount = err instanceof DomainError ? err.message : "Not an amount.";
    }
    if (form.reason.trim().length < 5) found.reason = "Give a reason of at least 5 characters.";
    setErrors(found);
    if (Object.keys(found).length === 0) setPending(form.direction === "credit" ? minor : -minor);
  };
  const fundsName =
    form.funds === OPEN_FUNDS
      ? "the open funds"
      : form.funds
        ? `the ${wallet.pockets.find((p) => p.commercePoolId === form.funds)?.poolName ?? "pool"} pocket`
        : form.direction === "credit"
          ? "the business pocket"
          : "the pockets";
  const target = form.funds === OPEN_FUNDS ? { funds: "OPEN" as const } : { funds: "COMMERCE" as const, commercePoolId: form.funds || undefined };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Adjust balance"
      description={`A manual correction of the ${wallet.currency} wallet. It is written as an adjustment entry and kept in the audit log with its reason.`}
      footer={
        pending === null ? (
          <Button type="submit" form="adjust-balance">
            Review adjustment
          </Button>
        ) : (
          <Button variant={pending < 0 ? "danger" : "primary"} pending={adjust.isPending} onClick={() => adjust.mutate({ contactId, currency: wallet.currency, amountMinor: pending, reason: form.reason.trim(), ...target })}>
            Confirm adjustment
          </Button>
        )
      }
    >
      {pending === null ? (
        <form id="adjust-balance" className="space-y-4" noValidate onSubmit={review}>
          <FormField label="Direction">
            <Select value={form.direction} onChange={set("direction")}>
              <option value="credit">Credit (add funds)</option>
              <option value="debit">Debit (take funds)</option>
            </Select>
          </FormField>
          <FormField label={`Amount (${wallet.currency})`} error={errors.amount}>
            <Input value={form.amount} onChange={set("amount")} inputMode="decimal" autoComplete="off" />
          </FormField>
          <FormField label="Funds" error={errors.commercePoolId ?? errors.funds}>
            <Select value={form.funds} onChange={set("funds")}>
              <option value="">{form.direction === "credit" ? "Business pocket" : "Any pocket (soonest expiry first)"}</option>
              {wallet.pockets
                .filter((p) => p.commercePoolId)
                .map((p) => (
                  <option key={p.accountId} value={p.commercePoolId!}>
                    Pool: {p.poolName ?? "unknown pool"}
                  </option>
                ))}
              <option value={OPEN_FUNDS}>Open funds ({money(wallet.openMinor, wallet.currency)} available)</option>
            </Select>
          </FormField>
          <FormField label="Reason" error={errors.reason}>
            <Textarea required maxLength={500} value={form.reason} onChange={set("reason")} />
          </FormField>
        </form>
      ) : (
        <div role="status" className="space-y-2 text-sm">
          <p>
            {pending > 0 ? "Credit" : "Debit"} <strong>{money(Math.abs(pending), wallet.currency)}</strong> {pending > 0 ? "to" : "from"} {fundsName}?
          </p>
          <p className="text-slate-600">Reason: {form.reason.trim()}</p>
          <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => setPending(null)}>
            Change it
          </button>
        </div>
      )}
    </Dialog>
  );
}
