import { contacts } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { newId } from "../ids";
import { recordContactChange, reloadContact, type Contact } from "./contact-rows";
import { attachIdentities, identitiesFromRegistration } from "./identities";
import type { CreateContactInput } from "./schemas";

/** Empty names are stored as null, so "no name" has one representation. */
export const storedName = (name: string | undefined) => name?.trim() || null;

/** A registered contact: names and at least one identity (email, phone, contact code or CIM), each unique. */
export async function createContact(ctx: DomainContext, input: CreateContactInput): Promise<Contact> {
  const entries = identitiesFromRegistration(input);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.db
      .insert(contacts)
      .values({ id, kind: "registered", firstName: storedName(input.firstName), lastName: storedName(input.lastName) });
    const identities = await attachIdentities(tx, id, entries);
    const contact = await reloadContact(tx, id);
    const facts = {
      kind: contact.kind,
      firstName: contact.firstName,
      lastName: contact.lastName,
      identities: identities.map(({ type, value }) => ({ type, value })),
    };
    await recordContactChange(tx, { action: "contact.created", contactId: id, after: facts, payload: facts });
    return contact;
  });
}

/**
 * A contact without names or identities, created when a gift pass is redeemed by someone who is
 * not registered (D3); the pass that funded it identifies it until it registers or is merged.
 */
export async function createNamelessContact(ctx: DomainContext): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await tx.db.insert(contacts).values({ id, kind: "nameless" });
    await recordContactChange(tx, { action: "contact.created", contactId: id, after: { kind: "nameless" }, payload: { kind: "nameless" } });
    return reloadContact(tx, id);
  });
}
