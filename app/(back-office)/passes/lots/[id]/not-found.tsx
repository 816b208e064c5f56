import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function LotNotFound() {
  return (
    <EmptyState
      title="Lot not found"
      description="No lot has this id. It may have been mistyped in the address."
      action={
        <Link className="text-sm font-medium text-indigo-700 hover:underline" href="/passes">
          Back to passes
        </Link>
      }
    />
  );
}
