"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { fieldErrorsOf, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, LoadingState, ProgressBar } from "@/components/ui/states";
import { LotActions } from "./lot-actions";
import { LotActionStatus } from "./lot-action-status";
import { count, generationLabels, isGenerating, lotProgress } from "./lot-labels";
import { isActionUnderWay } from "@/server/domain/passes/lots/action-state";

interface LotsSectionProps {
  planId: string;
  /** passPlans.manage: may generate lots and act on them. */
  canManage: boolean;
  /** Another lot can be generated (an ACTIVE printed plan). */
  canGenerate?: boolean;
}

/** The lots of a plan; polls every second while one is being generated or acted on, so progress is live. */
export function LotsSection({ planId, canManage, canGenerate = false }: LotsSectionProps) {
  const trpc = useTRPC();
  const lots = useQuery(
    trpc.lots.list.queryOptions(
      { planId },
      {
        // While a lot generates, and right after activation, when the first lot is about to appear.
        refetchInterval: (query) => (query.state.data?.some((lot) => isGenerating(lot) || isActionUnderWay(lot)) || (canGenerate && query.state.data?.length === 0) ? 1_000 : false),
      },
    ),
  );
  const [generating, setGenerating] = useState(false);

  return (
    <Card
      className="mt-6"
      title="Lots"
      actions={
        canManage &&
        canGenerate && (
          <Button size="sm" onClick={() => setGenerating(true)}>
            Generate another lot
          </Button>
        )
      }
    >
      {lots.error ? (
        <ErrorState message={lots.error.message} onRetry={() => void lots.refetch()} />
      ) : !lots.data ? (
        <LoadingState label="Loading lots…" />
      ) : lots.data.length === 0 ? (
        <EmptyState title="No lots yet" description="Activating a printed plan generates its first lot." />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Lots">
          {lots.data.map((lot) => (
            <li key={lot.id} className="flex flex-wrap items-center gap-4 py-3" aria-label={`Lot ${lot.number}`}>
              <div className="min-w-40">
                <Link href={`/passes/lots/${lot.id}`} className="font-medium text-indigo-700 hover:underline">
                  Lot {lot.number}
                </Link>
                <p className="text-xs text-slate-500">
                  {lot.quantity === null ? "On demand" : `${count(lot.quantity)} passes`} · created {format(lot.createdAt, "d MMM yyyy")}
                </p>
              </div>
              <div className="min-w-56 flex-1">
                {isGenerating(lot) ? (
                  <ProgressBar value={lotProgress(lot)} label={`${count(lot.generatedCount)} of ${count(lot.quantity ?? 0)} generated`} />
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={generationLabels[lot.generationState].tone}>{generationLabels[lot.generationState].label}</Badge>
                    {lot.generationState === "FAILED" && <span className="text-xs text-red-700">{lot.generationError}</span>}
                  </div>
                )}
                <div className="mt-2 empty:hidden">
                  <LotActionStatus lot={lot} />
                </div>
              </div>
              {canManage && (
                <div className="flex items-center gap-2">
                  <LotActions lot={lot} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <GenerateLotDialog planId={planId} open={generating} onClose={() => setGenerating(false)} />
    </Card>
  );
}

function GenerateLotDialog({ planId, open, onClose }: { planId: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState("");
  const create = useMutation(
    trpc.lots.create.mutationOptions({
      onSuccess: async (lot) => {
        toast.success(`Lot ${lot.number} is being generated.`);
        setQuantity("");
        onClose();
        await queryClient.invalidateQueries({ queryKey: trpc.lots.list.queryKey({ planId }) });
      },
      onError: (error) => {
        if (!fieldErrorsOf(error).quantity) toastError(error);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Generate another lot"
      description="The passes are generated in the background in draft; activate them once the printed cards are checked."
      footer={
        <Button pending={create.isPending} onClick={() => create.mutate({ planId, quantity: Number(quantity) })}>
          Generate
        </Button>
      }
    >
      <FormField label="Number of passes" error={fieldErrorsOf(create.error).quantity}>
        <Input inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value.replace(/\D/g, ""))} />
      </FormField>
    </Dialog>
  );
}
