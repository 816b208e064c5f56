import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Rewards" };

export default async function Page() {
  await requirePageActor("rewards.read");
  return (
    <>
      <PageHeader title="Rewards" description="Reward schemes, offers and tiers." />
      <EmptyState title="No reward schemes yet" description="Reward schemes and offers are not available in this release." />
    </>
  );
}
