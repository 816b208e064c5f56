"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";

export function HomeDashboard({ name }: { name: string }) {
  const trpc = useTRPC();
  const figures = useQuery(trpc.dashboard.home.queryOptions());
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${name}.`} />
      {figures.error ? (
        <ErrorState message={figures.error.message} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <LoadingState />
      ) : (
        <dl className="grid gap-4 sm:grid-cols-3">
          <Figure label="Contacts" value={figures.data.contacts} />
          <Figure label="Organisations" value={figures.data.organisations} />
          <Figure label="Active users" value={figures.data.users} />
        </dl>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold text-slate-900">{value.toLocaleString("en-GB")}</dd>
    </div>
  );
}
