import { AuditPage } from "@/components/settings/audit-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Audit log" };

export default async function Page() {
  await requirePageActor("audit.read");
  return <AuditPage />;
}
