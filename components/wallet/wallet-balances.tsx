"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ContactWallet } from "@/server/domain/wallet/read/contact-wallets";
import { day, money } from "./wallet-labels";

/** One wallet's balances (D3): available vs held vs total, each pocket, open funds, what expires soon. */
export function WalletBalancesCard({ wallet, selected, onSelect }: { wallet: ContactWallet; selected: boolean; onSelect?: () => void }) {
  return (
    <Card
      className={cn(selected && onSelect && "ring-2 ring-indigo-500")}
      title={
        <span className="flex items-center gap-2">
          Wallet {wallet.currency}
          {wallet.expiringSoonMinor > 0 && <Badge tone="warning">{money(wallet.expiringSoonMinor, wallet.currency)} expiring soon</Badge>}
        </span>
      }
      actions={
        onSelect && !selected ? (
          <button type="button" className="text-sm font-medium text-indigo-700 hover:underline" onClick={onSelect}>
            Show details
          </button>
        ) : undefined
      }
    >
      <section aria-label={`Balances ${wallet.currency}`}>
        <dl className="grid grid-cols-3 gap-3 text-center">
          <Figure label="Available" value={money(wallet.availableMinor, wallet.currency)} strong />
          <Figure label="Held" value={money(wallet.heldMinor, wallet.currency)} />
          <Figure label="Total" value={money(wallet.totalMinor, wallet.currency)} />
        </dl>
        <table className="mt-4 w-full text-sm" aria-label={`Pockets ${wallet.currency}`}>
          <tbody className="divide-y divide-slate-100">
            {wallet.pockets.map((p) => (
              <tr key={p.accountId}>
                <td className="py-1 text-slate-600">{p.commercePoolId ? `Pool: ${p.poolName ?? "unknown pool"}` : "Business pocket"}</td>
                <td className="py-1 text-right tabular-nums">{money(p.balanceMinor, wallet.currency)}</td>
              </tr>
            ))}
            <tr>
              <td className="py-1 text-slate-600">Open funds</td>
              <td className="py-1 text-right tabular-nums">{money(wallet.openMinor, wallet.currency)}</td>
            </tr>
          </tbody>
        </table>
        {wallet.nextExpiryAt && (
          <p className="mt-2 text-xs text-amber-800">
            {money(wallet.expiringSoonMinor, wallet.currency)} expires within 30 days (first on {day(wallet.nextExpiryAt)}).
          </p>
        )}
      </section>
    </Card>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="rounded-md bg-slate-50 px-2 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn("tabular-nums", strong ? "text-lg font-semibold text-slate-900" : "text-slate-800")}>{value}</dd>
    </div>
  );
}

/** Balance by pocket, open and held funds, as a small bar chart (minor units converted only for display). */
export function WalletPocketsChart({ wallet }: { wallet: ContactWallet }) {
  const data = [
    ...wallet.pockets.map((p) => ({ name: p.commercePoolId ? (p.poolName ?? "Pool") : "Business", minor: p.balanceMinor })),
    { name: "Open", minor: wallet.openMinor },
    { name: "Held", minor: wallet.heldMinor },
  ];
  return (
    <Card title="Balance by pocket">
      <div className="h-48" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => money(v, wallet.currency)} width={80} />
            <Tooltip formatter={(v: number) => money(v, wallet.currency)} />
            <Bar dataKey="minor" name="Balance" fill="#4f46e5" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}
