import { EditPassPlan } from "@/components/passes/edit-pass-plan";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Edit pass plan" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("passPlans.manage");
  return <EditPassPlan id={(await params).id} />;
}
