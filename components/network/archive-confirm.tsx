"use client";

import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toastError } from "@/components/ui/errors";
import { useInvalidateNetwork } from "./use-network-list";

interface Archivable {
  archivedAt: Date | null;
}

interface ArchiveOptions<T extends Archivable> {
  /** What the row is, in a sentence: "merchant", "exchange rate". */
  noun: string;
  nameOf: (row: T) => string;
  /** What archiving changes for people, shown before they confirm. */
  consequence: string;
  archive: (row: T) => Promise<unknown>;
  unarchive: (row: T) => Promise<unknown>;
}

/**
 * The archive/unarchive action of a network row. Archiving asks for confirmation first;
 * unarchiving is harmless and runs at once. Render `dialog` once; `button(row)` in each row.
 */
export function useArchiveAction<T extends Archivable>({ noun, nameOf, consequence, archive, unarchive }: ArchiveOptions<T>) {
  const invalidate = useInvalidateNetwork();
  const [confirming, setConfirming] = useState<T | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (row: T, archiving: boolean) => {
    setPending(true);
    try {
      await (archiving ? archive(row) : unarchive(row));
      toast.success(`${nameOf(row)} ${archiving ? "archived" : "unarchived"}.`);
      setConfirming(null);
      await invalidate();
    } catch (err) {
      toastError(err);
    } finally {
      setPending(false);
    }
  };

  const button = (row: T): ReactNode =>
    row.archivedAt ? (
      <Button size="sm" variant="ghost" disabled={pending} onClick={() => void run(row, false)} aria-label={`Unarchive ${nameOf(row)}`}>
        Unarchive
      </Button>
    ) : (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(row)} aria-label={`Archive ${nameOf(row)}`}>
        Archive
      </Button>
    );

  const dialog = (
    <ConfirmDialog
      open={!!confirming}
      onClose={() => setConfirming(null)}
      onConfirm={() => confirming && void run(confirming, true)}
      pending={pending}
      title={`Archive this ${noun}?`}
      description={confirming ? `${nameOf(confirming)}: ${consequence} You can unarchive it later.` : ""}
      confirmLabel={`Archive ${noun}`}
    />
  );
  return { button, dialog };
}
