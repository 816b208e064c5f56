"use client";

import type { ReactNode } from "react";
import { Checkbox, Input } from "@/components/ui/input";
import type { NetworkList } from "./use-network-list";

interface ListToolbarProps {
  list: NetworkList;
  /** Names the search box; lists that cannot be searched leave it out. */
  search?: { label: string; placeholder: string };
  children?: ReactNode;
}

/** Search box, extra filters and the show-archived switch above a network table. */
export function ListToolbar({ list, search, children }: ListToolbarProps) {
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      {search && (
        <div className="w-full max-w-sm">
          <Input type="search" aria-label={search.label} placeholder={search.placeholder} value={list.search} onChange={(e) => list.setSearch(e.target.value)} />
        </div>
      )}
      {children}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <Checkbox checked={list.includeArchived} onChange={(e) => list.setIncludeArchived(e.target.checked)} />
        Show archived
      </label>
    </div>
  );
}
