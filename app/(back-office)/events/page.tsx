import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Events" };

export default async function Page() {
  await requirePageActor("events.read");
  return (
    <>
      <PageHeader title="Customer events" description="Purchases, achievements and referrals reported by integrations." />
      <EmptyState title="No customer events yet" description="Customer events are not available in this release." />
    </>
  );
}
