"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { BreadcrumbLabel } from "@/components/shell/breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/states";
import type { LotDetail as Lot } from "@/server/domain/passes/lots/read";
import { LotActionStatus } from "./lot-action-status";
import { LotActions } from "./lot-actions";
import { count, generationLabels, isGenerating, lotProgress, passStateLabels } from "./lot-labels";
import { LotPassesTable } from "./lot-passes-table";
import { isActionUnderWay } from "@/server/domain/passes/lots/action-state";

/** A lot: generation and whole-lot action progress (polled while they run), passes counted by state, and every pass. */
export function LotDetail({ initialLot, canManage }: { initialLot: Lot; canManage: boolean }) {
  const trpc = useTRPC();
  const { data: lot } = useQuery(
    trpc.lots.byId.queryOptions(
      { lotId: initialLot.id },
      { initialData: initialLot, refetchInterval: (query) => (query.state.data && (isGenerating(query.state.data) || isActionUnderWay(query.state.data)) ? 1_000 : false) },
    ),
  );
  const generation = generationLabels[lot.generationState];
  return (
    <>
      <BreadcrumbLabel segment={lot.id} label={`Lot ${lot.number}`} />
      <PageHeader
        title={`${lot.planName} · lot ${lot.number}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={generation.tone}>{generation.label}</Badge>
            {lot.quantity !== null && <span>{count(lot.quantity)} passes</span>}
            <Link href={`/passes/plans/${lot.planId}`} className="text-indigo-700 hover:underline">
              Open the plan
            </Link>
          </span>
        }
        actions={canManage && <LotActions lot={lot} />}
      />
      <div className="space-y-6">
        {isGenerating(lot) && (
          <Card>
            <ProgressBar value={lotProgress(lot)} label={`${count(lot.generatedCount)} of ${count(lot.quantity ?? 0)} generated`} />
          </Card>
        )}
        {lot.action && (
          <Card>
            <LotActionStatus lot={lot} />
          </Card>
        )}
        {lot.generationState === "FAILED" && (
          <Card>
            <p role="alert" className="text-sm text-red-700">
              Generation stopped after {count(lot.generatedCount)} passes: {lot.generationError}
            </p>
          </Card>
        )}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" aria-label="Passes by state">
          {(Object.keys(passStateLabels) as (keyof typeof passStateLabels)[]).map((state) => (
            <div key={state} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <dt className="text-xs text-slate-500">{passStateLabels[state].label}</dt>
              <dd className="text-lg font-semibold text-slate-900">{count(lot.stateCounts[state])}</dd>
            </div>
          ))}
        </dl>
        {/* Not re-keyed when the counts change: a whole-lot action refetches the rows in place, and a
            remount would wipe a search or filter typed while that refetch was on its way. */}
        {!isGenerating(lot) && <LotPassesTable lot={lot} />}
      </div>
    </>
  );
}
