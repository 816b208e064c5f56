import { format } from "date-fns";
import { ProgressBar } from "@/components/ui/states";
import type { LotSummary } from "@/server/domain/passes/lots/read";
import { actionProgress, actionWords, count } from "./lot-labels";
import { isActionUnderWay } from "@/server/domain/passes/lots/action-state";

type LotActionFields = Pick<LotSummary, "action" | "actionState" | "actionDone" | "actionTotal" | "actionError" | "actionCompletedAt">;

/** Where the lot's last whole-lot action stands: its progress bar, its failure, or when it finished. */
export function LotActionStatus({ lot }: { lot: LotActionFields }) {
  if (!lot.action) return null;
  const words = actionWords[lot.action];
  if (isActionUnderWay(lot)) {
    const label =
      lot.actionState === "PENDING"
        ? `Waiting to ${words.doing} ${count(lot.actionTotal)} passes`
        : `${count(lot.actionDone)} of ${count(lot.actionTotal)} passes ${words.done}`;
    return <ProgressBar value={actionProgress(lot)} label={label} />;
  }
  if (lot.actionState === "FAILED") {
    return (
      <p role="alert" className="text-sm text-red-700">
        {words.noun} stopped after {count(lot.actionDone)} of {count(lot.actionTotal)} passes: {lot.actionError}. Start it again to finish it; the
        passes already {words.done} are skipped.
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-600">
      {count(lot.actionDone)} passes {words.done}
      {lot.actionCompletedAt && ` · ${format(lot.actionCompletedAt, "d MMM yyyy, HH:mm")}`}
    </p>
  );
}
