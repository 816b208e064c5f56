import { Badge } from "@/components/ui/badge";

export function StatusBadge({ archivedAt }: { archivedAt: Date | null }) {
  return archivedAt ? <Badge>Archived</Badge> : <Badge tone="success">Live</Badge>;
}
