import { PassPlanForm } from "@/components/passes/pass-plan-form";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "New pass plan" };

export default async function Page() {
  await requirePageActor("passPlans.manage");
  return <PassPlanForm />;
}
