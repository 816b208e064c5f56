"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";

/** On an active electronic plan's page: the way to the Issue eGift form with the plan chosen. */
export function IssueEgiftLink({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const plan = useQuery(trpc.passPlans.byId.queryOptions({ id: planId }));
  if (plan.data?.distribution !== "ELECTRONIC" || plan.data.state !== "ACTIVE") return null;
  return (
    <p className="mt-4">
      <Link href={`/passes/issue?planId=${planId}`} className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700">
        Issue eGift
      </Link>
    </p>
  );
}
