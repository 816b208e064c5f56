import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function ContactNotFound() {
  return (
    <EmptyState
      title="Contact not found"
      description="No contact has this id. It may have been mistyped in the address."
      action={
        <Link className="text-sm font-medium text-indigo-700 hover:underline" href="/contacts">
          Back to contacts
        </Link>
      }
    />
  );
}
