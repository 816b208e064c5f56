import { PayoutsPage } from "@/components/reports/payouts-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Payouts" };

export default async function Page() {
  await requirePageActor("payouts.approve");
  return <PayoutsPage />;
}
