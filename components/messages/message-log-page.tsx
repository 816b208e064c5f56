"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import type { listMessages } from "@/server/domain/messages/list";
import { messageStatuses, type MessageStatus } from "@/server/domain/messages/schemas";
import { channelLabels, purposeLabels, statusLabels, statusTones } from "./message-labels";

type MessageLogEntry = Awaited<ReturnType<typeof listMessages>>["rows"][number];

const column = createColumnHelper<MessageLogEntry>();
const when = (date: Date | null) => (date ? format(date, "d MMM yyyy HH:mm:ss") : "—");

const columns = [
  column.accessor("createdAt", { header: "Queued", cell: (c) => when(c.getValue()) }),
  column.accessor("channel", { header: "Channel", cell: (c) => channelLabels[c.getValue()] }),
  column.accessor("purpose", { header: "Purpose", cell: (c) => purposeLabels[c.getValue()] }),
  column.accessor("recipient", { header: "Recipient" }),
  column.accessor("passId", {
    header: "Pass",
    cell: (c) =>
      c.getValue() ? (
        <Link className="font-mono text-indigo-700 hover:underline" href={`/passes/${c.getValue()}`}>
          {c.row.original.passCodeMask}
        </Link>
      ) : (
        "—"
      ),
  }),
  column.accessor("status", { header: "Status", cell: (c) => <Badge tone={statusTones[c.getValue()]}>{statusLabels[c.getValue()]}</Badge> }),
  column.accessor("attempts", { header: "Attempts" }),
  column.accessor("sentAt", { header: "Sent", cell: (c) => when(c.getValue()) }),
  column.accessor("lastError", { header: "Last error", cell: (c) => <span className="text-xs text-red-700">{c.getValue() ?? ""}</span> }),
];

/** The send log (D9): status, attempts and errors of every message; its content is never shown. */
export function MessageLogPage() {
  const trpc = useTRPC();
  const table = useTableState();
  const [status, setStatus] = useState<MessageStatus | "">("");
  const [recipient, setRecipient] = useState("");
  const input = { page: table.page, pageSize: table.pageSize, status: status || undefined, recipient: recipient || undefined };
  const log = useQuery(trpc.messages.list.queryOptions(input, { refetchInterval: 5_000 }));
  return (
    <>
      <PageHeader
        title="Messages"
        description="Every email and SMS sent, with its delivery status. Failed attempts are retried automatically; contents stay encrypted and are not shown."
        actions={
          <Link className="text-sm font-medium text-indigo-700 hover:underline" href="/messages/outbox">
            Captured outbox
          </Link>
        }
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-4">
        <FormField label="Status">
          <Select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MessageStatus | "");
              table.resetPage();
            }}
          >
            <option value="">All</option>
            {messageStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Recipient">
          <Input
            value={recipient}
            placeholder="Start of an email or phone"
            onChange={(e) => {
              setRecipient(e.target.value);
              table.resetPage();
            }}
          />
        </FormField>
      </div>
      <DataTable
        label="Messages"
        columns={columns}
        rows={log.data?.rows}
        total={log.data?.total}
        page={table.page}
        pageSize={table.pageSize}
        onPageChange={table.setPage}
        isLoading={log.isLoading}
        error={log.error}
        onRetry={() => void log.refetch()}
        getRowId={(m) => m.id}
        empty={<EmptyState title="No messages yet" description="Messages appear here when passes are issued or re-sent." />}
      />
    </>
  );
}
