import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { contactName } from "@/components/contacts/contact-labels";
import { ContactDetail } from "@/components/contacts/contact-detail";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";
import { createTRPCContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Props = { params: Promise<{ id: string }> };

/** The contact through the same procedure the client uses; null when the id names none (a 404 page). */
const findContact = cache(async (contactId: string) => {
  if (!z.string().uuid().safeParse(contactId).success) return null;
  const caller = createCaller(await createTRPCContext({ headers: await headers() }));
  try {
    return await caller.contacts.byId({ contactId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props) {
  const contact = await findContact((await params).id);
  return { title: contact ? contactName(contact) : "Contact not found" };
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("contacts.read");
  const contact = await findContact((await params).id);
  if (!contact) notFound();
  return (
    <ContactDetail
      initialContact={contact}
      canManage={can(actor.role, "contacts.manage")}
      canBlockSpending={can(actor.role, "contacts.blockSpending")}
      canReadWallet={can(actor.role, "wallets.read")}
      canRedeem={can(actor.role, "passes.redeem")}
    />
  );
}
