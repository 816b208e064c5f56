import { PassesSummaryPage } from "@/components/reports/passes-summary-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Passes Summary" };

export default async function Page() {
  await requirePageActor("reports.read");
  return <PassesSummaryPage />;
}
