import { CustomFieldsPage } from "@/components/network/custom-fields-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Custom fields" };

export default async function Page() {
  const actor = await requirePageActor("network.read");
  return <CustomFieldsPage canManage={can(actor.role, "customFields.manage")} />;
}
