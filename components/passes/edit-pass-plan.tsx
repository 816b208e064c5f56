"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { PassPlanForm } from "./pass-plan-form";

export function EditPassPlan({ id }: { id: string }) {
  const trpc = useTRPC();
  const plan = useQuery(trpc.passPlans.byId.queryOptions({ id }));
  if (plan.error) return <ErrorState message={plan.error.message} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <LoadingState />;
  return <PassPlanForm plan={plan.data} />;
}
