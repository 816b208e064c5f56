import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Settings" };

const sections = [
  { href: "/settings/organisations", title: "Organisations", text: "Merchants, venues and their terminals." },
  { href: "/settings/products", title: "Products", text: "Products and product families." },
  { href: "/settings/commerce-pools", title: "Commerce pools", text: "Where ring-fenced funds may be spent." },
  { href: "/settings/currencies", title: "Currencies", text: "Currencies and exchange rates." },
  { href: "/settings/custom-fields", title: "Custom fields", text: "Extra fields on plans, passes and contacts." },
  { href: "/settings/wallets", title: "Wallets", text: "Whether redemptions open wallets in other currencies." },
  { href: "/settings/users", title: "Users", text: "Who signs in, and their roles." },
  { href: "/settings/api-keys", title: "API keys", text: "Keys for integrations calling the REST API." },
  { href: "/settings/audit", title: "Audit log", text: "Every change, by whom and when." },
];

export default async function SettingsPage() {
  await requirePageActor("settings.manage");
  return (
    <>
      <PageHeader title="Settings" description="Configuration of the business network, access and integrations." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-indigo-300 hover:shadow">
              <span className="font-semibold text-slate-900">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
