"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTableState } from "@/components/ui/use-table-state";

/**
 * Paging, sorting, search and the show-archived switch of a network list, and the list input the
 * network procedures share. A changed filter goes back to page one.
 */
export function useNetworkList<K extends string>(sortKeys: readonly K[], initialSort: K, initialDesc = false) {
  const table = useTableState([{ id: initialSort, desc: initialDesc }]);
  const [search, setSearchState] = useState("");
  const [includeArchived, setIncludeArchivedState] = useState(false);
  const sortBy = sortKeys.find((key) => key === table.sort.sortBy);
  return {
    search,
    setSearch: (value: string) => (setSearchState(value), table.resetPage()),
    includeArchived,
    setIncludeArchived: (value: boolean) => (setIncludeArchivedState(value), table.resetPage()),
    resetPage: table.resetPage,
    input: {
      page: table.page,
      pageSize: table.pageSize,
      search: search.trim() || undefined,
      includeArchived,
      sortBy,
      sortDir: table.sort.sortDir ?? "asc",
    },
    tableProps: {
      page: table.page,
      pageSize: table.pageSize,
      onPageChange: table.setPage,
      sorting: table.sorting,
      onSortingChange: table.setSorting,
    },
  };
}

export type NetworkList = ReturnType<typeof useNetworkList>;

/** Network entities refer to each other (pools list organisations, products their family), so a change refreshes every network query. */
export function useInvalidateNetwork() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.network.pathKey() });
}
