import { CommercePoolsPage } from "@/components/network/commerce-pools-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Commerce pools" };

export default async function Page() {
  const actor = await requirePageActor("network.read");
  return <CommercePoolsPage canManage={can(actor.role, "network.manage")} />;
}
