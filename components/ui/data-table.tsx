"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type SortingState,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { ErrorState, LoadingState } from "./states";

export interface DataTableProps<T> {
  /** Names the table for screen readers (and tests). */
  label: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<T, any>[];
  rows: T[] | undefined;
  total: number | undefined;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  isLoading?: boolean;
  error?: { message: string } | null;
  onRetry?: () => void;
  /** Shown when there are no rows (an EmptyState). */
  empty: ReactNode;
  getRowId?: (row: T) => string;
}

/** A table whose paging and sorting happen on the server: it shows one page of rows. */
export function DataTable<T>({ label, columns, rows, total, page, pageSize, onPageChange, sorting, onSortingChange, isLoading, error, onRetry, empty, getRowId }: DataTableProps<T>) {
  const table = useReactTable({
    data: rows ?? [],
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableSorting: !!onSortingChange,
    state: { sorting: sorting ?? [] },
    onSortingChange,
  });

  if (error) return <ErrorState message={error.message} onRetry={onRetry} />;
  if (isLoading && !rows) return <LoadingState />;
  if (rows && rows.length === 0 && page === 0) return <>{empty}</>;

  const pageCount = Math.max(1, Math.ceil((total ?? 0) / pageSize));
  const first = total ? page * pageSize + 1 : 0;
  const last = Math.min((page + 1) * pageSize, total ?? 0);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="overflow-x-auto">
        <table aria-label={label} aria-busy={isLoading || undefined} className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={cn("divide-y divide-slate-100", isLoading && "opacity-60")}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2 align-top text-slate-800">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={`${label} pages`} className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
        <span>
          {first}–{last} of {total ?? 0}
        </span>
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page + 1} of {pageCount}
          </span>
          <Button variant="secondary" size="sm" disabled={page + 1 >= pageCount} onClick={() => onPageChange(page + 1)}>
            Next
          </Button>
        </div>
      </nav>
    </div>
  );
}
