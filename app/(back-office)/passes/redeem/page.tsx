import { RedeemPassPage } from "@/components/passes/redeem-pass-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Redeem a pass" };

export default async function Page() {
  await requirePageActor("passes.redeem");
  return <RedeemPassPage />;
}
