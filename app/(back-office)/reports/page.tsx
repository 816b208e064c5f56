import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Reports" };

const reports = [
  {
    href: "/reports/passes-summary",
    title: "Passes Summary",
    description: "Every pass with its plan, state, contact, dates, initial, redeemed and available value; totals per currency and a CSV export.",
  },
  {
    href: "/reports/payouts",
    title: "Payouts",
    description: "Payout requests waiting for finance: approve to pay open funds out to the contact's payment method, or reject with a reason.",
  },
];

export default async function Page() {
  await requirePageActor("reports.read");
  return (
    <>
      <PageHeader title="Reports" description="Finance reports on passes and wallets." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {reports.map((report) => (
          <li key={report.href}>
            <Link href={report.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-indigo-300 hover:bg-indigo-50/40">
              <span className="block text-sm font-semibold text-indigo-700">{report.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{report.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
