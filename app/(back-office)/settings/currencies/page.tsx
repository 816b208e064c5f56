import { CurrenciesPage } from "@/components/network/currencies-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Currencies" };

export default async function Page() {
  const actor = await requirePageActor("network.read");
  return <CurrenciesPage canManage={can(actor.role, "network.manage")} />;
}
