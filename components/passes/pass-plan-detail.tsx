"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toastError } from "@/components/ui/errors";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { PassPlanDetail as Plan } from "@/server/domain/pass-plans/read/list";
import { LotsSection } from "./lots-section";
import { dateLabel, distributionLabels, planValueLabel, stateLabels, stateTones, typeLabels, unitLabels } from "./plan-labels";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

const duration = (count: number | null, unit: "DAY" | "MONTH" | null) => `${count ?? "?"} ${unitLabels[unit ?? "DAY"]}`;

function passValidity(plan: Plan) {
  if (plan.passValidityKind === "DATE") return `Until ${dateLabel(plan.passValidUntil)}`;
  if (plan.passValidityKind === "DURATION") return `${duration(plan.passValidityCount, plan.passValidityUnit)} after issue`;
  return "No expiry";
}

function valueValidity(plan: Plan) {
  if (plan.valueValidityKind === "DATE") return `Until ${dateLabel(plan.valueValidUntil)}`;
  if (plan.valueValidityKind === "PERIOD") return `${duration(plan.valueValidityCount, plan.valueValidityUnit)} after redemption`;
  return "Never expires";
}

function formatLabel(plan: Plan) {
  const f = plan.passcodeFormat;
  const parts = [`${f.length} ${f.charset === "NUMERIC" ? "digits" : "letters and digits"}`];
  if (f.prefix) parts.push(`prefix ${f.prefix}`);
  if (f.suffix) parts.push(`suffix ${f.suffix}`);
  if (f.checkCharacter) parts.push("check character");
  return parts.join(", ");
}

function productConditions(plan: Plan) {
  const parts = [plan.productSkus.length > 0 && `SKUs ${plan.productSkus.join(", ")}`, plan.productFamilyIds.length > 0 && `${plan.productFamilyIds.length} product families`];
  return parts.filter(Boolean).join("; ") || "Any product";
}

function Settings({ plan }: { plan: Plan }) {
  const isPromotion = plan.type === "PROMOTION";
  const template = plan.communicationTemplate;
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Type">{typeLabels[plan.type]}</Row>
      <Row label="Distribution">{distributionLabels[plan.distribution]}</Row>
      {plan.description && <Row label="Description">{plan.description}</Row>}
      {!isPromotion && <Row label="Value">{planValueLabel(plan)}</Row>}
      <Row label="Pass validity">{passValidity(plan)}</Row>
      {!isPromotion && <Row label="Value validity">{valueValidity(plan)}</Row>}
      <Row label="Usage">{plan.usage === "MULTIPLE" ? `Up to ${plan.maxUses} uses` : "Single use"}</Row>
      {!isPromotion && <Row label="Product conditions">{productConditions(plan)}</Row>}
      <Row label="Security">{[plan.pinRequired && "PIN", plan.otpRequired && "One-time password"].filter(Boolean).join(", ") || "None"}</Row>
      <Row label="Passcode format">{formatLabel(plan)}</Row>
      {plan.distribution === "PRINTED" && <Row label="Quantity">{plan.quantity?.toLocaleString("en")}</Row>}
      <Row label="Issued">{`${plan.issuedCount.toLocaleString("en")} of ${plan.maxPasses.toLocaleString("en")}`}</Row>
      {plan.distribution === "PRINTED" && <Row label="Printing-house webhook">{plan.printingWebhookEnabled ? "On" : "Off"}</Row>}
      {template && <Row label="Sent by">{template.channels.map((c) => (c === "EMAIL" ? "Email" : "SMS")).join(" and ")}</Row>}
      {isPromotion && <Row label="Codes">{plan.promotionCodeMode === "SINGLE" ? `Universal code ${plan.universalCodeMask ?? "(not set)"}` : "Unique per pass"}</Row>}
      {Object.entries(plan.customFields).map(([key, value]) => (
        <Row key={key} label={key}>{String(value)}</Row>
      ))}
    </dl>
  );
}

export function PassPlanDetail({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const plan = useQuery(trpc.passPlans.byId.queryOptions({ id }));
  const [confirming, setConfirming] = useState<"activate" | "deactivate" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.passPlans.pathKey() });
  const stateChange = { onSuccess: () => { setConfirming(null); void refresh(); }, onError: toastError };
  const activate = useMutation(trpc.passPlans.activate.mutationOptions({ ...stateChange, onSuccess: (p) => { toast.success(`${p.name} is active.`); stateChange.onSuccess(); } }));
  const deactivate = useMutation(trpc.passPlans.deactivate.mutationOptions({ ...stateChange, onSuccess: (p) => { toast.success(`${p.name} is inactive.`); stateChange.onSuccess(); } }));
  const copy = useMutation(
    trpc.passPlans.copy.mutationOptions({
      onSuccess: (c) => {
        toast.success(`${c.name} was created.`);
        void refresh();
        router.push(`/passes/plans/${c.id}`);
      },
      onError: toastError,
    }),
  );

  if (plan.error) return <ErrorState message={plan.error.message} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <LoadingState />;
  const p = plan.data;
  const canActivate = p.state !== "ACTIVE";

  return (
    <>
      <PageHeader
        title={p.name}
        description={<Badge tone={stateTones[p.state]}>{stateLabels[p.state]}</Badge>}
        actions={
          canManage && (
            <>
              {canActivate ? (
                <Button onClick={() => setConfirming("activate")}>Activate</Button>
              ) : (
                <Button variant="secondary" onClick={() => setConfirming("deactivate")}>Deactivate</Button>
              )}
              <Link href={`/passes/plans/${p.id}/edit`} className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Edit
              </Link>
              <Button variant="secondary" pending={copy.isPending} onClick={() => copy.mutate({ id: p.id })}>
                Copy
              </Button>
            </>
          )
        }
      />
      {p.locked && <p className="mb-4 text-sm text-slate-600">This plan has passes: only its name, description and state can change.</p>}
      <Card title="Settings">
        <Settings plan={p} />
      </Card>
      {p.distribution === "PRINTED" && <LotsSection planId={p.id} canManage={canManage} canGenerate={p.state === "ACTIVE"} />}
      <ConfirmDialog
        open={confirming === "activate"}
        onClose={() => setConfirming(null)}
        onConfirm={() => activate.mutate({ id: p.id })}
        pending={activate.isPending}
        destructive={false}
        title="Activate this plan?"
        description={
          p.distribution === "PRINTED" && p.state === "DRAFT"
            ? `Activation generates the first lot of ${p.quantity?.toLocaleString("en")} passes in the background; the plan's settings are then locked.`
            : "The plan can then issue passes."
        }
        confirmLabel="Activate"
      />
      <ConfirmDialog
        open={confirming === "deactivate"}
        onClose={() => setConfirming(null)}
        onConfirm={() => deactivate.mutate({ id: p.id })}
        pending={deactivate.isPending}
        title="Deactivate this plan?"
        description="No new passes can be issued; existing passes keep working."
        confirmLabel="Deactivate"
      />
    </>
  );
}
