"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/server/domain/money";
import type { IssuedPass } from "@/server/domain/passes/issue/issue-electronic";
import { dateLabel } from "./plan-labels";
import { ResendEgiftButton } from "./resend-egift-dialog";

/** The pass just issued or re-sent: its masked code and where its messages went (never the code). */
export function IssuedEgiftCard({ pass, minorUnits, onResent }: { pass: IssuedPass; minorUnits: number; onResent: (pass: IssuedPass) => void }) {
  const value = pass.initialValueMinor !== null && pass.currency ? formatMoney({ amountMinor: pass.initialValueMinor, currency: pass.currency }, minorUnits) : "—";
  return (
    <Card title={`eGift ${pass.codeMask}`} actions={<ResendEgiftButton pass={pass} onResent={onResent} />}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Fact label="State">
          <Badge tone="success">{pass.state === "ACTIVE" ? "Active" : pass.state}</Badge>
        </Fact>
        <Fact label="Value">{value}</Fact>
        <Fact label="Expires">{dateLabel(pass.expiresAt)}</Fact>
        <Fact label="Recipient">{[pass.recipientName, pass.recipientEmail, pass.recipientPhone].filter(Boolean).join(" · ")}</Fact>
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Messages queued</h3>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
        {pass.messages.map((m) => (
          <li key={m.id}>
            {m.channel === "EMAIL" ? "Email" : "SMS"} to {m.to}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
