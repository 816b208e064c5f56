import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { contactName } from "@/components/contacts/contact-labels";
import { ContactWalletPage } from "@/components/wallet/contact-wallet-page";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";
import { createTRPCContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: "Wallet" };

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("wallets.read");
  const contactId = (await params).id;
  if (!z.string().uuid().safeParse(contactId).success) notFound();
  const caller = createCaller(await createTRPCContext({ headers: await headers() }));
  const contact = await caller.contacts.byId({ contactId }).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  });
  if (!contact) notFound();
  return <ContactWalletPage contactId={contact.id} contactName={contactName(contact)} canRedeem={can(actor.role, "passes.redeem")} canAdjust={can(actor.role, "wallets.adjust")} />;
}
