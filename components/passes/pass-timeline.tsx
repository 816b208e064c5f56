"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { actionLabel, timelineSummary, when } from "./pass-labels";

/** The pass's history, newest first: every change, send and redemption attempt, and who made it. */
export function PassTimeline({ passId }: { passId: string }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.passes.timeline.queryOptions({ passId }));
  return (
    <Card title="Timeline">
      {timeline.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : timeline.isError ? (
        <ErrorState message={timeline.error.message} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <ol aria-label="Pass timeline" className="space-y-3">
          {[...timeline.data].reverse().map((entry) => {
            const summary = timelineSummary(entry);
            return (
              <li key={entry.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                <p className="font-medium text-slate-900">{actionLabel(entry.action)}</p>
                {summary && <p className="text-slate-700">{summary}</p>}
                <p className="text-xs text-slate-500">
                  {when(entry.at)}
                  {entry.actorLabel ? ` · ${entry.actorLabel}` : ""}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
