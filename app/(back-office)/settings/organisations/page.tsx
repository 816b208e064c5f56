import { OrganisationsPage } from "@/components/network/organisations-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Organisations" };

export default async function Page() {
  const actor = await requirePageActor("network.read");
  return <OrganisationsPage canManage={can(actor.role, "network.manage")} />;
}
