import { PassPlansPage } from "@/components/passes/pass-plans-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";

export const metadata = { title: "Passes" };

export default async function Page() {
  const actor = await requirePageActor("passPlans.read");
  return (
    <PassPlansPage
      canManage={can(actor.role, "passPlans.manage")}
      canIssue={can(actor.role, "passes.support")}
      canRedeem={can(actor.role, "passes.redeem")}
      canReadMessages={can(actor.role, "messages.read")}
    />
  );
}
