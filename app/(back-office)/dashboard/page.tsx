import { HomeDashboard } from "@/components/dashboard/home-dashboard";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Dashboard" };

export default async function Page() {
  const actor = await requirePageActor("dashboard.read");
  return <HomeDashboard name={actor.label} />;
}
