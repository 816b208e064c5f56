"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { NetworkList } from "./use-network-list";

export interface ListQuery<T> {
  data?: { rows: T[]; total: number };
  isFetching: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
}

/** A DataTable over one network list query, paged and sorted by `list`. */
export function QueryTable<T>({
  label,
  columns,
  list,
  query,
  rowKey,
  empty,
}: {
  label: string;
  /** A stable key per row (its id, or a currency's code). */
  rowKey: (row: T) => string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<T, any>[];
  list: NetworkList;
  query: ListQuery<T>;
  empty: ReactNode;
}) {
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={query.data?.rows}
      total={query.data?.total}
      {...list.tableProps}
      isLoading={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      getRowId={rowKey}
      empty={empty}
    />
  );
}
