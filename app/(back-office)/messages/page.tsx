import { MessageLogPage } from "@/components/messages/message-log-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Messages" };

export default async function Page() {
  await requirePageActor("messages.read");
  return <MessageLogPage />;
}
