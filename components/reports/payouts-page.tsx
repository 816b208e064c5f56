"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { ShowFilter } from "@/components/ui/show-filter";
import { EmptyState } from "@/components/ui/states";
import { moment, money } from "@/components/wallet/wallet-labels";
import type { PayoutView } from "@/server/domain/wallet/operation-schemas";
import type { PayoutQueueRow } from "@/server/domain/wallet/payouts/read";

type PayoutState = PayoutView["state"];
type Filter = PayoutState | "ALL";

/** APPROVED: the money has left open funds and the provider has not answered yet (a lost answer is settled by the recovery job). */
const stateLabels: Record<PayoutState, string> = { REQUESTED: "Requested", APPROVED: "Awaiting the provider", PAID: "Paid", FAILED: "Failed", REJECTED: "Rejected" };
const stateTones: Record<PayoutState, BadgeTone> = { REQUESTED: "warning", APPROVED: "info", PAID: "success", FAILED: "danger", REJECTED: "neutral" };
const filterLabels: Record<Filter, string> = { REQUESTED: "Waiting for approval", APPROVED: "Awaiting the provider", PAID: "Paid", FAILED: "Failed", REJECTED: "Rejected", ALL: "All" };
const pageSize = 25;

const column = createColumnHelper<PayoutQueueRow>();

/** Finance's payout queue (D6): requests paid out to the contact's payment method once approved. */
export function PayoutsPage() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>("REQUESTED");
  const [page, setPage] = useState(0);
  const [approving, setApproving] = useState<PayoutQueueRow | null>(null);
  const [rejecting, setRejecting] = useState<PayoutQueueRow | null>(null);
  const payouts = useQuery({
    ...trpc.wallets.payoutQueue.queryOptions({ state: filter === "ALL" ? undefined : filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns = [
    column.accessor("contactName", {
      header: "Contact",
      cell: (c) => (
        <Link href={`/contacts/${c.row.original.contactId}/wallet`} className="font-medium text-indigo-700 hover:underline">
          {c.getValue() ?? "Nameless contact"}
        </Link>
      ),
    }),
    column.accessor("amountMinor", { header: "Amount", cell: (c) => money(c.getValue(), c.row.original.currency) }),
    column.accessor("createdAt", { header: "Requested", cell: (c) => moment(c.getValue()) }),
    column.accessor("requestedByLabel", { header: "Requested by" }),
    column.accessor("state", {
      header: "State",
      cell: (c) => {
        const payout = c.row.original;
        const detail = payoutDetail(payout);
        return (
          <div className="space-y-1">
            <Badge tone={stateTones[c.getValue()]}>{stateLabels[c.getValue()]}</Badge>
            {detail && <p className="text-xs text-slate-500">{detail}</p>}
          </div>
        );
      },
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) =>
        c.row.original.state === "REQUESTED" ? (
          <div className="flex justify-end gap-2">
            <Button size="sm" onClick={() => setApproving(c.row.original)}>
              Approve
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setRejecting(c.row.original)}>
              Reject
            </Button>
          </div>
        ) : null,
    }),
  ];

  return (
    <>
      <PageHeader
        title="Payouts"
        description="Payout requests pay a contact's open funds out to their payment method once finance approves them."
        actions={
          <ShowFilter
            options={filterLabels}
            value={filter}
            onChange={(next) => {
              setFilter(next);
              setPage(0);
            }}
          />
        }
      />
      <DataTable
        label="Payout requests"
        columns={columns}
        rows={payouts.data?.rows}
        total={payouts.data?.total}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        isLoading={payouts.isFetching}
        error={payouts.error}
        onRetry={() => void payouts.refetch()}
        getRowId={(payout) => payout.payoutId}
        empty={
          filter === "REQUESTED" ? (
            <EmptyState title="No payout requests waiting" description="New payout requests appear here for approval." />
          ) : (
            <EmptyState title="No payout requests" description="No payout request is in this state." />
          )
        }
      />
      {approving && <ApprovePayoutDialog payout={approving} onClose={() => setApproving(null)} />}
      {rejecting && <RejectPayoutDialog payout={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

/** What finance needs next to the state: the provider's reference, the reason, or since when the provider is awaited. */
function payoutDetail(payout: PayoutQueueRow): string | null {
  switch (payout.state) {
    case "PAID":
      return payout.providerReference;
    case "FAILED":
    case "REJECTED":
      return payout.reason;
    case "APPROVED":
      return payout.decidedAt && `Approved ${moment(payout.decidedAt)} by ${payout.decidedByLabel ?? "finance"}; paid or returned to open funds once the provider answers.`;
    case "REQUESTED":
      return null;
  }
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.wallets.pathKey() });
}

function ApprovePayoutDialog({ payout, onClose }: { payout: PayoutQueueRow; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const amount = money(payout.amountMinor, payout.currency);
  const approve = useMutation(
    trpc.wallets.approvePayout.mutationOptions({
      onSuccess: async (done) => {
        if (done.state === "PAID") toast.success(`Paid ${amount} to ${payout.contactName ?? "the contact"}.`);
        else if (done.state === "APPROVED") toast.warning("The payment provider did not answer. The payout is awaiting the provider and will be asked again within minutes.");
        else toast.error(`The payment provider refused the payout: ${done.reason ?? "no reason given"}. The funds are back in open funds.`);
        onClose();
        await refresh();
      },
      onError: async (error) => {
        toastError(error);
        onClose();
        await refresh();
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      onConfirm={() => approve.mutate({ payoutId: payout.payoutId })}
      title="Approve this payout?"
      description={`${amount} leaves ${payout.contactName ?? "the contact"}'s open funds and the payment provider is called to pay it out to their payment method. This cannot be undone.`}
      confirmLabel={`Pay out ${amount}`}
      destructive={false}
      pending={approve.isPending}
    />
  );
}

function RejectPayoutDialog({ payout, onClose }: { payout: PayoutQueueRow; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const amount = money(payout.amountMinor, payout.currency);
  const reject = useMutation(
    trpc.wallets.rejectPayout.mutationOptions({
      onSuccess: async () => {
        toast.success(`Payout of ${amount} rejected.`);
        onClose();
        await refresh();
      },
      onError: toastError,
    }),
  );
  const submit = () => {
    if (!reason.trim()) return setError("Give a reason.");
    setError(null);
    reject.mutate({ payoutId: payout.payoutId, reason: reason.trim() });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Reject this payout?"
      description={`The request for ${amount} is closed and the funds stay in ${payout.contactName ?? "the contact"}'s open funds.`}
      footer={
        <Button variant="danger" onClick={submit} pending={reject.isPending}>
          Reject payout
        </Button>
      }
    >
      <FormField label="Reason" error={error ?? undefined}>
        <Textarea maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </Dialog>
  );
}
