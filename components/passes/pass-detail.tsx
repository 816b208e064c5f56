"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { BreadcrumbLabel } from "@/components/shell/breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { PassDetail as Pass } from "@/server/domain/passes/history/detail";
import { passStateLabels } from "./lot-labels";
import { ActivatePassDialog, CancelPassDialog, ChangeExpiryDialog, ChangeValueDialog, ResetPinDialog, type PassDialog } from "./pass-action-dialogs";
import { moneyLabel, when } from "./pass-labels";
import { ReplaceLostPassDialog, ReverseRedemptionDialog } from "./pass-support-dialogs";
import { PassTimeline } from "./pass-timeline";
import { typeLabels } from "./plan-labels";
import { ResendEgiftButton } from "./resend-egift-dialog";

interface PassDetailProps {
  initialPass: Pass;
  /** passes.support: activate, cancel, expiry, value, PIN, re-send. */
  canSupport: boolean;
  canCancel: boolean;
  canRedeem: boolean;
}

/** One pass (D5): masked code, plan, value and uses, owner, the actions the role allows, and its history. */
export function PassDetail({ initialPass, canSupport, canCancel, canRedeem }: PassDetailProps) {
  const trpc = useTRPC();
  const { data: pass } = useQuery(trpc.passes.byId.queryOptions({ passId: initialPass.passId }, { initialData: initialPass }));
  const [dialog, setDialog] = useState<PassDialog | "replace" | "reverse">(null);
  const close = () => setDialog(null);
  const live = pass.state === "DRAFT" || pass.state === "ACTIVE";
  const isMoney = pass.plan.type !== "PROMOTION";
  const state = passStateLabels[pass.state];

  return (
    <>
      <BreadcrumbLabel segment={pass.passId} label={pass.codeMask} />
      <PageHeader
        title={`Pass ${pass.codeMask}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={state.tone}>{state.label}</Badge>
            <span>{typeLabels[pass.plan.type]} pass</span>
          </span>
        }
        actions={
          <>
            {canRedeem && pass.state === "ACTIVE" && (
              <Link href="/passes/redeem" className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Redeem a pass
              </Link>
            )}
            {canSupport && pass.plan.distribution === "ELECTRONIC" && pass.state === "ACTIVE" && (
              <ResendEgiftButton pass={{ ...pass, recipientEmail: pass.recipient.email, recipientPhone: pass.recipient.phone, recipientName: pass.recipient.name }} />
            )}
            {canSupport && pass.state === "DRAFT" && <Button onClick={() => setDialog("activate")}>Activate</Button>}
            {canSupport && live && (
              <Button variant="secondary" onClick={() => setDialog("expiry")}>
                Change expiry
              </Button>
            )}
            {canSupport && live && isMoney && pass.plan.valueMode === "VARIABLE" && pass.usesCount === 0 && (
              <Button variant="secondary" onClick={() => setDialog("value")}>
                Change value
              </Button>
            )}
            {canSupport && live && isMoney && (
              <Button variant="secondary" onClick={() => setDialog("resetPin")}>
                {pass.hasPin ? "Reset PIN" : "Create PIN"}
              </Button>
            )}
            {canSupport && pass.latestRedemption && (pass.state === "ACTIVE" || pass.state === "REDEEMED") && (
              <Button variant="secondary" onClick={() => setDialog("reverse")}>
                Roll back redemption
              </Button>
            )}
            {canSupport && pass.plan.type === "GIFT" && pass.state === "ACTIVE" && (pass.remainingValueMinor ?? 0) > 0 && pass.contact && (
              <Button variant="secondary" onClick={() => setDialog("replace")}>
                Replace lost pass
              </Button>
            )}
            {canCancel && live && (
              <Button variant="danger" onClick={() => setDialog("cancel")}>
                Cancel pass
              </Button>
            )}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Pass">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
            <Fact label="Code">
              <code>{pass.codeMask}</code>
            </Fact>
            <Fact label="Plan">
              <Link href={`/passes/plans/${pass.plan.id}`} className="font-medium text-indigo-700 hover:underline">
                {pass.plan.name}
              </Link>
            </Fact>
            <Fact label="Lot">{`Lot ${pass.lot.number} (${pass.lot.kind === "PRINTED" ? "printed" : "on demand"})`}</Fact>
            <Fact label="State">{state.label}</Fact>
            {isMoney && <Fact label="Value">{moneyLabel(pass.initialValueMinor, pass.currency)}</Fact>}
            {isMoney && <Fact label="Remaining">{moneyLabel(pass.remainingValueMinor, pass.currency)}</Fact>}
            <Fact label="Uses">{`${pass.usesCount} of ${pass.maxUses}`}</Fact>
            <Fact label="Expires">{pass.expiresAt ? when(pass.expiresAt) : "Never"}</Fact>
            {isMoney && <Fact label="PIN">{pass.hasPin ? "Set" : "None"}</Fact>}
          </dl>
        </Card>
        <Card title="Holder and dates">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
            <Fact label="Contact">
              {pass.contact ? (
                <Link href={`/contacts/${pass.contact.id}`} className="font-medium text-indigo-700 hover:underline">
                  {pass.contact.name ?? "Contact"}
                </Link>
              ) : (
                "—"
              )}
            </Fact>
            <Fact label="Recipient">{[pass.recipient.name, pass.recipient.email, pass.recipient.phone].filter(Boolean).join(" · ") || "—"}</Fact>
            <Fact label="Issued">{when(pass.issuedAt)}</Fact>
            <Fact label="Activated">{when(pass.activatedAt)}</Fact>
            <Fact label="Redeemed">{when(pass.redeemedAt)}</Fact>
            {pass.cancelledAt && <Fact label="Cancelled">{when(pass.cancelledAt)}</Fact>}
            {pass.expiredAt && <Fact label="Expired">{when(pass.expiredAt)}</Fact>}
            {pass.replacesPassId && (
              <Fact label="Replaces">
                <Link href={`/passes/${pass.replacesPassId}`} className="text-indigo-700 hover:underline">
                  the lost pass it replaced
                </Link>
              </Fact>
            )}
            {pass.replacedByPassId && (
              <Fact label="Replaced by">
                <Link href={`/passes/${pass.replacedByPassId}`} className="text-indigo-700 hover:underline">
                  the new pass issued when this one was lost
                </Link>
              </Fact>
            )}
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <PassTimeline passId={pass.passId} />
        </div>
      </div>
      {canCancel && <CancelPassDialog key={`cancel-${dialog}`} pass={pass} open={dialog === "cancel"} onClose={close} />}
      {canSupport && (
        <>
          <ActivatePassDialog key={`activate-${dialog}`} pass={pass} open={dialog === "activate"} onClose={close} />
          <ChangeExpiryDialog key={`expiry-${dialog}`} pass={pass} open={dialog === "expiry"} onClose={close} />
          <ChangeValueDialog key={`value-${dialog}`} pass={pass} open={dialog === "value"} onClose={close} />
          <ResetPinDialog pass={pass} open={dialog === "resetPin"} onClose={close} />
          <ReplaceLostPassDialog key={`replace-${dialog}`} pass={pass} open={dialog === "replace"} onClose={close} />
          <ReverseRedemptionDialog key={`reverse-${dialog}`} pass={pass} open={dialog === "reverse"} onClose={close} />
        </>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
