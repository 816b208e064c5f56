"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toastError } from "@/components/ui/errors";
import type { LotSummary } from "@/server/domain/passes/lots/read";
import { count } from "./lot-labels";
import { isActionUnderWay } from "@/server/domain/passes/lots/action-state";

type Action = "activate" | "cancel" | null;

/**
 * Activate all, cancel all and retry for one lot, each whole-lot action behind a confirmation.
 * The actions run in the background; the lot's progress is polled (LotActionStatus).
 */
export function LotActions({ lot }: { lot: Pick<LotSummary, "id" | "number" | "generationState" | "kind" | "actionState"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const refresh = async () => {
    setAction(null);
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.lots.pathKey() })]);
  };
  const activate = useMutation(
    trpc.lots.activateAll.mutationOptions({
      onSuccess: async (done) => {
        toast.success(`Lot ${done.number}: activating ${count(done.actionTotal)} passes in the background.`);
        await refresh();
      },
      onError: toastError,
    }),
  );
  const cancel = useMutation(
    trpc.lots.cancelAll.mutationOptions({
      onSuccess: async (done) => {
        toast.success(`Lot ${done.number}: cancelling ${count(done.actionTotal)} passes in the background.`);
        await refresh();
      },
      onError: toastError,
    }),
  );
  const retry = useMutation(trpc.lots.retryGeneration.mutationOptions({ onSuccess: refresh, onError: toastError }));

  if (lot.kind !== "PRINTED") return null;
  if (lot.generationState === "FAILED") {
    return (
      <Button size="sm" variant="secondary" pending={retry.isPending} onClick={() => retry.mutate({ lotId: lot.id })}>
        Retry generation
      </Button>
    );
  }
  // One whole-lot action at a time: its progress shows instead.
  if (lot.generationState !== "COMPLETED" || isActionUnderWay(lot)) return null;
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setAction("activate")}>
        Activate all
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAction("cancel")}>
        Cancel all
      </Button>
      <ConfirmDialog
        open={action === "activate"}
        onClose={() => setAction(null)}
        onConfirm={() => activate.mutate({ lotId: lot.id })}
        title={`Activate lot ${lot.number}?`}
        description="Every draft pass of this lot becomes active and can be redeemed. Do this once the printed cards have been checked."
        confirmLabel="Activate all passes"
        destructive={false}
        pending={activate.isPending}
      />
      <ConfirmDialog
        open={action === "cancel"}
        onClose={() => setAction(null)}
        onConfirm={() => cancel.mutate({ lotId: lot.id })}
        title={`Cancel lot ${lot.number}?`}
        description="Every draft and active pass of this lot is cancelled and can never be redeemed. Redeemed and expired passes keep their state. This cannot be undone."
        confirmLabel="Cancel all passes"
        pending={cancel.isPending}
      />
    </>
  );
}
