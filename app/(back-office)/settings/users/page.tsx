import { UsersPage } from "@/components/settings/users-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Users" };

export default async function Page() {
  const actor = await requirePageActor("users.manage");
  return <UsersPage currentUserId={actor.id} />;
}
