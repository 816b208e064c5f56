"use client";

import type { SortingState } from "@tanstack/react-table";
import { useState } from "react";

/** Paging and sorting state of a server-side table; changing the sort goes back to page one. */
export function useTableState(initialSorting: SortingState = [], pageSize = 25) {
  const [page, setPage] = useState(0);
  const [sorting, setSortingState] = useState<SortingState>(initialSorting);
  const setSorting = (updater: SortingState | ((old: SortingState) => SortingState)) => {
    setSortingState((old) => (typeof updater === "function" ? updater(old) : updater));
    setPage(0);
  };
  const sort = sorting[0] ? { sortBy: sorting[0].id, sortDir: sorting[0].desc ? ("desc" as const) : ("asc" as const) } : {};
  return { page, setPage, pageSize, sorting, setSorting, sort, resetPage: () => setPage(0) };
}
