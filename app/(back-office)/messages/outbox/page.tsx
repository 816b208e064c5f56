import { OutboxPage } from "@/components/messages/outbox-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Message outbox" };

export default async function Page() {
  await requirePageActor("messages.read");
  return <OutboxPage />;
}
