import { ProductsPage } from "@/components/network/products-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Products" };

export default async function Page() {
  const actor = await requirePageActor("network.read");
  return <ProductsPage canManage={can(actor.role, "network.manage")} />;
}
