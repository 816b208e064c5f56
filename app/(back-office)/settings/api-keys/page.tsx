import { ApiKeysPage } from "@/components/settings/api-keys-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "API keys" };

export default async function Page() {
  await requirePageActor("apiKeys.manage");
  return <ApiKeysPage />;
}
