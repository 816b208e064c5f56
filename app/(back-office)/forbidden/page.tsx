import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <EmptyState
      title="Your role does not give access to this page"
      description="Ask an administrator if you need it."
      action={
        <Link className="text-sm font-medium text-indigo-700 hover:underline" href="/dashboard">
          Back to the dashboard
        </Link>
      }
    />
  );
}
