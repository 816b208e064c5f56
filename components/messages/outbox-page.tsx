"use client";

import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useTableState } from "@/components/ui/use-table-state";
import { channelLabels } from "./message-labels";

/**
 * The local outbox of demo and development runs: without SMTP_URL / SMS_GATEWAY_URL each message
 * is delivered here instead, like a mailbox, so this is the one page that shows a message's text.
 */
export function OutboxPage() {
  const trpc = useTRPC();
  const table = useTableState([], 20);
  const outbox = useQuery(trpc.messages.outbox.queryOptions({ page: table.page, pageSize: table.pageSize }, { refetchInterval: 3_000 }));
  const data = outbox.data;
  const captured = data ? (["EMAIL", "SMS"] as const).filter((c) => data.capturing[c]).map((c) => channelLabels[c]) : [];
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <PageHeader
        title="Message outbox"
        description={
          captured.length === 0
            ? "Messages are delivered by the configured email server and SMS gateway; nothing is captured here."
            : `${captured.join(" and ")} messages are delivered here, as they would arrive in the recipient's inbox, because no carrier is configured for them.`
        }
      />
      {outbox.error ? (
        <ErrorState message={outbox.error.message} onRetry={() => void outbox.refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : data.rows.length === 0 ? (
        <EmptyState title="The outbox is empty" description="Issue an eGift to see its message arrive here." />
      ) : (
        <div className="space-y-3">
          <ul aria-label="Captured messages" className="space-y-3">
            {data.rows.map((m) => (
              <li key={m.id}>
                <Card
                  title={
                    <span className="flex items-center gap-2">
                      <Badge tone="info">{channelLabels[m.channel]}</Badge>
                      <span>To {m.to}</span>
                    </span>
                  }
                  actions={<span className="text-xs text-slate-500">{format(new Date(m.deliveredAt), "d MMM yyyy HH:mm:ss")}</span>}
                >
                  {m.subject && <p className="mb-2 text-sm font-semibold text-slate-900">{m.subject}</p>}
                  <p className="text-sm whitespace-pre-wrap text-slate-800">{m.body}</p>
                </Card>
              </li>
            ))}
          </ul>
          <div className="flex items-center justify-between text-sm text-slate-600">
            <span>
              Page {data.page + 1} of {pageCount} ({data.total} messages)
            </span>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" disabled={data.page === 0} onClick={() => table.setPage(data.page - 1)}>
                Previous
              </Button>
              <Button variant="secondary" size="sm" disabled={data.page + 1 >= pageCount} onClick={() => table.setPage(data.page + 1)}>
                Next
              </Button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
