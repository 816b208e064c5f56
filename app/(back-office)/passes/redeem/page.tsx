import { RedeemPassPage } from "@/components/passes/redeem-pass-page";
import { requirePageActor } from "@/server/auth/guard";

export const metadata = { title: "Redeem a pass" };

type Props = { searchParams: Promise<{ contactId?: string | string[] }> };

/** `?contactId=…` (from a contact's wallet) preselects the contact redeeming. */
export default async function Page({ searchParams }: Props) {
  await requirePageActor("passes.redeem");
  const { contactId } = await searchParams;
  return <RedeemPassPage initialContactId={typeof contactId === "string" ? contactId : ""} />;
}
