"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { BreadcrumbLabel } from "@/components/shell/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AdjustBalanceDialog } from "./adjust-balance-dialog";
import { CreditLotsTable } from "./credit-lots-table";
import { StatementTable } from "./statement-table";
import { WalletBalancesCard, WalletPocketsChart } from "./wallet-balances";

const linkButton = "inline-flex h-10 items-center rounded-md px-4 text-sm font-medium";

export const redeemForContactHref = (contactId: string) => `/passes/redeem?contactId=${contactId}`;

interface ContactWalletPageProps {
  contactId: string;
  contactName: string;
  /** passes.redeem: support and admins redeem a pass on the contact's behalf. */
  canRedeem: boolean;
  /** wallets.adjust: finance and admins correct a balance with a reason. */
  canAdjust: boolean;
}

/**
 * A contact's wallets (D3): one card per currency, then the chosen wallet's pockets, credit lots
 * and statement. Read-only for support; finance and admins may adjust a balance with a reason.
 */
export function ContactWalletPage({ contactId, contactName, canRedeem, canAdjust }: ContactWalletPageProps) {
  const trpc = useTRPC();
  const wallets = useQuery(trpc.walletRead.byContact.queryOptions({ contactId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const list = wallets.data ?? [];
  const selected = list.find((w) => w.walletId === chosen) ?? list[0];
  const redeem = canRedeem && (
    <Link href={redeemForContactHref(contactId)} className={`${linkButton} bg-indigo-600 text-white hover:bg-indigo-700`}>
      Redeem a pass
    </Link>
  );

  return (
    <>
      <BreadcrumbLabel segment={contactId} label={contactName} />
      <PageHeader
        title={`Wallet of ${contactName}`}
        description="Balances per pocket, open and held funds, credit lots and every journal line."
        actions={
          <>
            <Link href={`/contacts/${contactId}`} className={`${linkButton} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}>
              Contact
            </Link>
            {redeem}
            {canAdjust && selected && (
              <Button variant="secondary" onClick={() => setAdjusting(true)}>
                Adjust balance
              </Button>
            )}
          </>
        }
      />
      {wallets.isPending ? (
        <LoadingState label="Loading the wallet…" />
      ) : wallets.error ? (
        <ErrorState message={wallets.error.message} onRetry={() => void wallets.refetch()} />
      ) : !selected ? (
        <EmptyState title="No wallet yet" description="No wallet yet — redeeming a gift or top-up pass creates one." action={redeem || undefined} />
      ) : (
        <div className="space-y-4">
          <div className="grid gap-4 lg:grid-cols-2">
            {list.map((w) => (
              <WalletBalancesCard key={w.walletId} wallet={w} selected={w.walletId === selected.walletId} onSelect={list.length > 1 ? () => setChosen(w.walletId) : undefined} />
            ))}
            {list.length === 1 && <WalletPocketsChart wallet={selected} />}
          </div>
          {list.length > 1 && <WalletPocketsChart wallet={selected} />}
          <CreditLotsTable key={`lots-${selected.walletId}`} walletId={selected.walletId} />
          <StatementTable key={`statement-${selected.walletId}`} walletId={selected.walletId} currency={selected.currency} />
        </div>
      )}
      {canAdjust && selected && <AdjustBalanceDialog key={selected.walletId} contactId={contactId} wallet={selected} open={adjusting} onClose={() => setAdjusting(false)} />}
    </>
  );
}
