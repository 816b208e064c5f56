"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ShowFilter } from "@/components/ui/show-filter";
import { EmptyState } from "@/components/ui/states";
import type { CreditLotView } from "@/server/domain/wallet/read/credit-lots";
import type { CreditLotStatus } from "@/server/domain/wallet/read/schemas";
import { day, money, sourceLabel } from "./wallet-labels";

const column = createColumnHelper<CreditLotView>();

function conditions(lot: CreditLotView) {
  const parts = [...(lot.productSkus.length ? [`SKUs: ${lot.productSkus.join(", ")}`] : []), ...(lot.productFamilies.length ? [`Families: ${lot.productFamilies.join(", ")}`] : [])];
  return parts.length ? parts.join(" · ") : "Anything";
}

const columns = [
  column.accessor("createdAt", { header: "Credited", cell: (c) => day(c.getValue()) }),
  column.accessor("poolName", { header: "Pocket", cell: (c) => (c.row.original.commercePoolId ? `Pool: ${c.getValue() ?? "unknown pool"}` : "Business pocket") }),
  column.accessor("amountMinor", { header: "Amount", cell: (c) => money(c.getValue(), c.row.original.currency) }),
  column.accessor("remainingMinor", { header: "Remaining", cell: (c) => money(c.getValue(), c.row.original.currency) }),
  column.accessor("expiresAt", {
    header: "Expires",
    cell: (c) => {
      const lot = c.row.original;
      if (lot.expiredAt) return <Badge tone="danger">Expired {day(lot.expiredAt)}</Badge>;
      if (lot.expiringSoon) return <Badge tone="warning">{day(c.getValue())} · within 30 days</Badge>;
      return day(c.getValue());
    },
  }),
  column.display({ id: "conditions", header: "Conditions", cell: (c) => <span className="text-xs text-slate-600">{conditions(c.row.original)}</span> }),
  column.accessor("sourceType", { header: "Source", cell: (c) => sourceLabel(c.getValue()) }),
];

const statusLabels: Record<CreditLotStatus, string> = { open: "Open", expired: "Expired", all: "All" };
const pageSize = 10;

/** A wallet's credit lots (D3) with remaining amount, expiry and conditions. */
export function CreditLotsTable({ walletId }: { walletId: string }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<CreditLotStatus>("open");
  const [page, setPage] = useState(0);
  const lots = useQuery({ ...trpc.walletRead.creditLots.queryOptions({ walletId, status, page, pageSize }), placeholderData: keepPreviousData });
  return (
    <Card
      title="Credit lots"
      actions={
        <ShowFilter
          options={statusLabels}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(0);
          }}
        />
      }
    >
      <DataTable
        label="Credit lots"
        columns={columns}
        rows={lots.data?.rows}
        total={lots.data?.total}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        isLoading={lots.isFetching}
        error={lots.error}
        onRetry={() => void lots.refetch()}
        getRowId={(lot) => lot.id}
        empty={<EmptyState title={status === "expired" ? "No expired lots" : "No credit lots"} description="Credits to a pocket (redeemed passes, awards) appear here as lots." />}
      />
    </Card>
  );
}
