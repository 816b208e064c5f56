import { asc, eq } from "drizzle-orm";
import { contactIdentities, contacts, type CommunicationTemplate } from "@/db/schema";
import type { DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import type { RecipientInput } from "./schemas";

/** Where a pass's messages go; stored on the pass so a re-send reaches the same place. */
export interface Recipient {
  contactId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
}

/** A contact's first email and phone identities and its name. */
async function contactRecipient(ctx: DomainContext, contactId: string): Promise<Recipient> {
  const [contact] = await ctx.db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) throw invalidField("contactId", "This contact does not exist.");
  const identities = await ctx.db
    .select({ type: contactIdentities.type, value: contactIdentities.value })
    .from(contactIdentities)
    .where(eq(contactIdentities.contactId, contactId))
    .orderBy(asc(contactIdentities.createdAt));
  const first = (type: "email" | "phone") => identities.find((i) => i.type === type)?.value ?? null;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null;
  return { contactId, email: first("email"), phone: first("phone"), name };
}

/** The contact's addresses, each overridden by the one given; at least one address is required. */
export async function resolveRecipient(ctx: DomainContext, contactId: string | undefined, given: RecipientInput | undefined): Promise<Recipient> {
  const base: Recipient = contactId ? await contactRecipient(ctx, contactId) : { contactId: null, email: null, phone: null, name: null };
  const recipient = { contactId: base.contactId, email: given?.email ?? base.email, phone: given?.phone ?? base.phone, name: given?.name ?? base.name };
  if (!recipient.email && !recipient.phone) {
    throw invalidField("recipient", contactId ? "This contact has no email or phone: enter where to send the pass." : "Enter the recipient's email or phone, or choose a contact.");
  }
  return recipient;
}

/**
 * The template's channels this recipient can be reached on. A plan sending only by email needs
 * an email (likewise SMS); a plan sending both uses whichever addresses exist.
 */
export function deliveryChannels(template: CommunicationTemplate | null, recipient: Recipient): ("EMAIL" | "SMS")[] {
  if (!template || template.channels.length === 0) {
    throw new DomainError("BUSINESS_RULE", "The plan has no communication template, so its passes cannot be sent.");
  }
  const channels = template.channels.filter((c) => (c === "EMAIL" ? recipient.email : recipient.phone));
  if (channels.length === 0) {
    const needsEmail = template.channels.includes("EMAIL");
    throw invalidField(needsEmail ? "recipient.email" : "recipient.phone", needsEmail ? "This plan sends passes by email: enter the recipient's email." : "This plan sends passes by SMS: enter the recipient's phone.");
  }
  return channels;
}
