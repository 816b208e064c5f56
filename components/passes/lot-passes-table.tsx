"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { format } from "date-fns";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/states";
import type { LotDetail, LotPass } from "@/server/domain/passes/lots/read";
import { lotPassStates } from "@/server/domain/passes/lots/schemas";
import { passStateLabels } from "./lot-labels";

const pageSize = 50;
const column = createColumnHelper<LotPass>();
const communicationLabels = { PRINTED: "Printed", EMAIL: "Email", SMS: "SMS" } as const;

const columns = [
  column.accessor("codeMask", {
    header: "Code",
    cell: (c) => (
      <Link href={`/passes/${c.row.original.id}`} className="font-mono text-indigo-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("state", { header: "State", cell: (c) => <Badge tone={passStateLabels[c.getValue()].tone}>{passStateLabels[c.getValue()].label}</Badge> }),
  column.display({
    id: "recipient",
    header: "Recipient",
    cell: ({ row: { original: p } }) => p.recipientName ?? p.recipientEmail ?? p.recipientPhone ?? (p.contactId ? "Contact" : "—"),
  }),
  column.display({ id: "uses", header: "Uses", cell: ({ row: { original: p } }) => `${p.usesCount} of ${p.maxUses}` }),
  column.accessor("expiresAt", { header: "Expires", cell: (c) => (c.getValue() ? format(c.getValue()!, "d MMM yyyy") : "Never") }),
  column.accessor("communication", { header: "Communication", cell: (c) => c.getValue().map((m) => communicationLabels[m]).join(", ") || "—" }),
];

type StateFilter = (typeof lotPassStates)[number] | "";

/**
 * Every pass of a lot, 50 at a time. Pages follow a keyset cursor (the last id seen), so page
 * 20,000 of a million-pass lot costs what page 1 does; the cursors of earlier pages are kept for
 * "Previous". Totals come from the lot's counts, not from counting rows.
 */
export function LotPassesTable({ lot }: { lot: LotDetail }) {
  const trpc = useTRPC();
  const [state, setState] = useState<StateFilter>("");
  const [codeInput, setCodeInput] = useState("");
  const [code, setCode] = useState("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const passes = useQuery({
    ...trpc.lots.passes.queryOptions({ lotId: lot.id, state: state || undefined, code: code || undefined, after: cursors[page], limit: pageSize }),
    placeholderData: (previous) => previous,
  });
  // A whole-lot action changes the rows in the background: they are fetched again each time the
  // polled lot shows it further along, and once more when it has finished.
  const { refetch } = passes;
  const progress = `${lot.actionState}:${lot.actionDone}`;
  const shownProgress = useRef(progress);
  useEffect(() => {
    if (shownProgress.current === progress) return;
    shownProgress.current = progress;
    void refetch();
  }, [progress, refetch]);

  const restart = () => setCursors([undefined]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setCode(codeInput.trim());
    restart();
  };
  const total = code ? (passes.data?.rows.length ?? 0) : state ? lot.stateCounts[state] : lot.generatedCount;

  return (
    <div className="space-y-4">
      <form onSubmit={search} className="flex flex-wrap items-end gap-3" aria-label="Filter passes">
        <FormField label="State" className="w-44">
          <Select
            value={state}
            onChange={(e) => {
              setState(e.target.value as StateFilter);
              restart();
            }}
          >
            <option value="">All states</option>
            {lotPassStates.map((s) => (
              <option key={s} value={s}>
                {passStateLabels[s].label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Exact code" className="w-72" hint="The full code or its hash; codes are never searched by part.">
          <Input value={codeInput} onChange={(e) => setCodeInput(e.target.value)} autoComplete="off" spellCheck={false} />
        </FormField>
        <Button type="submit" variant="secondary">
          Find
        </Button>
        {code && (
          <Button
            variant="ghost"
            onClick={() => {
              setCode("");
              setCodeInput("");
              restart();
            }}
          >
            Clear
          </Button>
        )}
      </form>
      <DataTable
        label="Passes of the lot"
        columns={columns}
        rows={passes.data?.rows}
        total={total}
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => {
          if (next < page) setCursors(cursors.slice(0, next + 1));
          else if (passes.data?.nextCursor) setCursors([...cursors, passes.data.nextCursor]);
        }}
        isLoading={passes.isFetching}
        error={passes.error}
        onRetry={() => void passes.refetch()}
        getRowId={(p) => p.id}
        empty={<EmptyState title="No passes found" description={code ? "No pass of this lot has that code." : "No pass of this lot matches the filter."} />}
      />
    </div>
  );
}
