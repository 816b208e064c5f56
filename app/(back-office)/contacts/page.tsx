import { ContactsPage } from "@/components/contacts/contacts-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Contacts" };

export default async function Page() {
  const actor = await requirePageActor("contacts.read");
  return <ContactsPage canManage={can(actor.role, "contacts.manage")} />;
}
