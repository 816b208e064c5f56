import { eq } from "drizzle-orm";
import { contactIdentities, contacts } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField } from "../errors";
import { lockLiveContact, recordContactChange, reloadContact, type Contact, type ContactRow } from "./contact-rows";
import { storedName } from "./create";
import { attachIdentities, identitiesFromRegistration } from "./identities";
import type { MergeNamelessContactInput, RegisterNamelessContactInput } from "./schemas";

function requireNameless(contact: ContactRow, field: string) {
  if (contact.kind !== "nameless") throw invalidField(field, "Only a nameless contact can be registered or merged.");
}

/**
 * Registers a nameless contact in place: identities are attached and it becomes registered.
 * Its id does not change, so its wallet and history stay exactly where they are (D3).
 */
export async function registerNamelessContact(ctx: DomainContext, input: RegisterNamelessContactInput): Promise<Contact> {
  const entries = identitiesFromRegistration(input);
  return inTransaction(ctx, async (tx) => {
    const contact = await lockLiveContact(tx, input.contactId);
    requireNameless(contact, "contactId");
    const names = { firstName: storedName(input.firstName), lastName: storedName(input.lastName) };
    await tx.db.update(contacts).set({ kind: "registered", ...names }).where(eq(contacts.id, contact.id));
    const identities = await attachIdentities(tx, contact.id, entries);
    const facts = { kind: "registered", ...names, identities: identities.map(({ type, value }) => ({ type, value })) };
    await recordContactChange(tx, {
      action: "contact.registered",
      contactId: contact.id,
      before: { kind: contact.kind },
      after: facts,
      payload: facts,
    });
    return reloadContact(tx, contact.id);
  });
}

/**
 * Merges a nameless contact into a registered one (the person already had an account): its
 * identities move and it points at the registered contact, which lookups then follow.
 * Seam for the wallet (D3 "its wallet keeps its history"): the `contact.merged` event, written in
 * this transaction, tells the wallet module to move the nameless contact's wallet history.
 */
export async function mergeNamelessContact(ctx: DomainContext, input: MergeNamelessContactInput): Promise<Contact> {
  if (input.contactId === input.intoContactId) {
    throw invalidField("intoContactId", "Choose a different contact to merge into.");
  }
  return inTransaction(ctx, async (tx) => {
    // Both rows locked in id order, so two merges touching the same pair cannot deadlock.
    const sourceFirst = input.contactId < input.intoContactId;
    const a = await lockLiveContact(tx, sourceFirst ? input.contactId : input.intoContactId);
    const b = await lockLiveContact(tx, sourceFirst ? input.intoContactId : input.contactId);
    const [source, target] = sourceFirst ? [a, b] : [b, a];
    requireNameless(source, "contactId");
    if (target.kind !== "registered") throw invalidField("intoContactId", "Merge into a registered contact.");
    if (source.spendingBlocked && !target.spendingBlocked) {
      throw new DomainError(
        "INVALID_STATE",
        "Spending is blocked on the nameless contact: block the registered contact first, so the block is not lost.",
      );
    }

    const moved = await tx.db
      .update(contactIdentities)
      .set({ contactId: target.id })
      .where(eq(contactIdentities.contactId, source.id))
      .returning({ id: contactIdentities.id, type: contactIdentities.type, value: contactIdentities.value });
    await tx.db.update(contacts).set({ mergedIntoId: target.id }).where(eq(contacts.id, source.id));
    await tx.db.update(contacts).set({ updatedAt: new Date() }).where(eq(contacts.id, target.id));

    const facts = { contactId: source.id, intoContactId: target.id, movedIdentities: moved };
    await recordContactChange(tx, {
      action: "contact.merged",
      contactId: source.id,
      before: { mergedIntoId: null },
      after: facts,
      payload: facts,
    });
    await recordContactChange(tx, {
      action: "contact.merge_received",
      contactId: target.id,
      after: facts,
      payload: facts,
    });
    return reloadContact(tx, target.id);
  });
}
