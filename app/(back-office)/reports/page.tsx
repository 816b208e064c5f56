import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Reports" };

export default async function Page() {
  await requirePageActor("reports.read");
  return (
    <>
      <PageHeader title="Reports" description="Passes Summary, Passes Analysis and finance reports." />
      <EmptyState title="No reports yet" description="Reports appear here once passes are issued." />
    </>
  );
}
