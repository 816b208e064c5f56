import { WalletSettingsPage } from "@/components/wallet/wallet-settings-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Wallets" };

export default async function Page() {
  await requirePageActor("settings.manage");
  return <WalletSettingsPage />;
}
