import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** Edit and archive at the end of a network row; `children` adds row-specific actions between them. */
export function RowActions({ name, onEdit, archive, children }: { name: string; onEdit: () => void; archive: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex justify-end gap-1">
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      {children}
      {archive}
    </div>
  );
}
