"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { redeemForContactHref } from "./contact-wallet-page";
import { money } from "./wallet-labels";

/** The contact page's wallet card: available and held per currency, a link to the wallet page. */
export function WalletSummaryCard({ contactId, canRedeem }: { contactId: string; canRedeem: boolean }) {
  const trpc = useTRPC();
  const wallets = useQuery(trpc.walletRead.byContact.queryOptions({ contactId }));
  return (
    <Card
      title="Wallet"
      actions={
        <>
          {canRedeem && (
            <Link href={redeemForContactHref(contactId)} className="text-sm font-medium text-indigo-700 hover:underline">
              Redeem a pass
            </Link>
          )}
          <Link href={`/contacts/${contactId}/wallet`} className="text-sm font-medium text-indigo-700 hover:underline">
            Open wallet
          </Link>
        </>
      }
    >
      {wallets.isPending ? (
        <LoadingState label="Loading the wallet…" />
      ) : wallets.error ? (
        <ErrorState message={wallets.error.message} onRetry={() => void wallets.refetch()} />
      ) : wallets.data.length === 0 ? (
        <p className="text-sm text-slate-600">No wallet yet — redeeming a gift or top-up pass creates one.</p>
      ) : (
        <dl className="grid grid-cols-[5rem_1fr_1fr] gap-y-2 text-sm">
          {wallets.data.map((w) => (
            <div key={w.walletId} className="contents">
              <dt className="font-medium text-slate-700">{w.currency}</dt>
              <dd className="tabular-nums">{money(w.availableMinor, w.currency)} available</dd>
              <dd className="text-slate-500 tabular-nums">{money(w.heldMinor, w.currency)} held</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
