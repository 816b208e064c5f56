import { eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError } from "../errors";
import { lockLiveContact, recordContactChange, reloadContact, type Contact } from "./contact-rows";
import { storedName } from "./create";
import type { UpdateContactNamesInput } from "./schemas";

export async function updateContactNames(ctx: DomainContext, input: UpdateContactNamesInput): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const contact = await lockLiveContact(tx, input.contactId);
    if (contact.kind === "nameless") {
      throw new DomainError("INVALID_STATE", "Register this nameless contact to give it a name.");
    }
    const names = { firstName: storedName(input.firstName), lastName: storedName(input.lastName) };
    await tx.db.update(contacts).set(names).where(eq(contacts.id, contact.id));
    await recordContactChange(tx, {
      action: "contact.names_changed",
      contactId: contact.id,
      before: { firstName: contact.firstName, lastName: contact.lastName },
      after: names,
      payload: names,
    });
    return reloadContact(tx, contact.id);
  });
}
