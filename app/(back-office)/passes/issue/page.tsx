import { IssueEgiftPage } from "@/components/passes/issue-egift-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Issue eGift" };

export default async function Page({ searchParams }: { searchParams: Promise<{ planId?: string }> }) {
  await requirePageActor("passes.support");
  const { planId } = await searchParams;
  return <IssueEgiftPage initialPlanId={planId} />;
}
