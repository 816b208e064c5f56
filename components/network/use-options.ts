"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** Pickers offer live entities only; 200 is the list maximum and plenty for a picker. */
const pickerInput = { page: 0, pageSize: 200, includeArchived: false, sortDir: "asc" as const };

export function useFamilyOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.network.productFamilies.list.queryOptions({ ...pickerInput, sortBy: "name" })).data?.rows ?? [];
}

export function useOrganisationOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.network.organisations.list.queryOptions({ ...pickerInput, sortBy: "name" })).data?.rows ?? [];
}

export function useCurrencyOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.network.currencies.list.queryOptions({ ...pickerInput, sortBy: "code" })).data?.rows ?? [];
}
