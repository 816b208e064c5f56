import { IssueEgiftLink } from "@/components/passes/issue-egift-link";
import { PassPlanDetail } from "@/components/passes/pass-plan-detail";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Pass plan" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("passPlans.read");
  const { id } = await params;
  return (
    <>
      <PassPlanDetail id={id} canManage={can(actor.role, "passPlans.manage")} />
      {can(actor.role, "passes.support") && <IssueEgiftLink planId={id} />}
    </>
  );
}
