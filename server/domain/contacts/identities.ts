import { and, count, eq } from "drizzle-orm";
import { contactIdentities } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { newId } from "../ids";
import {
  lockLiveContact,
  recordContactChange,
  reloadContact,
  type Contact,
  type ContactIdentity,
} from "./contact-rows";
import { identityFields, identityLabels, identityTypes, normaliseIdentity, type IdentityType } from "./identity-values";
import type { AddContactIdentityInput, CreateContactInput, RemoveContactIdentityInput } from "./schemas";

export interface IdentityEntry {
  type: IdentityType;
  value: string;
  /** The input field a refusal names. */
  field: string;
}

/** The identities entered in a registration form, in a fixed order; refuses a registration without any. */
export function identitiesFromRegistration(input: CreateContactInput): IdentityEntry[] {
  const entries = identityTypes.flatMap((type) => {
    const field = identityFields[type];
    const value = input[field]?.trim();
    return value ? [{ type, value, field }] : [];
  });
  if (entries.length === 0) {
    throw invalidField("email", "Give at least one identity: an email, a phone number, a contact code or a CIM.");
  }
  return entries;
}

/**
 * Attaches one identity, normalised. The unique index on (type, value) decides ownership:
 * `on conflict do nothing` keeps the transaction usable, so a value already taken, even by a
 * concurrent request, becomes a refusal that names the field.
 */
async function attachIdentity(tx: DomainContext, contactId: string, entry: IdentityEntry): Promise<ContactIdentity> {
  const normalised = normaliseIdentity(entry.type, entry.value);
  if (!normalised.ok) throw invalidField(entry.field, normalised.message);
  const [inserted] = await tx.db
    .insert(contactIdentities)
    .values({ id: newId(), contactId, type: entry.type, value: normalised.value })
    .onConflictDoNothing()
    .returning({ id: contactIdentities.id, type: contactIdentities.type, value: contactIdentities.value, createdAt: contactIdentities.createdAt });
  if (inserted) return inserted;
  const [owner] = await tx.db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.type, entry.type), eq(contactIdentities.value, normalised.value)));
  const label = identityLabels[entry.type];
  throw invalidField(
    entry.field,
    owner?.contactId === contactId ? `This contact already has this ${label}.` : `This ${label} already belongs to another contact.`,
  );
}

export async function attachIdentities(tx: DomainContext, contactId: string, entries: IdentityEntry[]): Promise<ContactIdentity[]> {
  const attached: ContactIdentity[] = [];
  for (const entry of entries) attached.push(await attachIdentity(tx, contactId, entry));
  return attached;
}

const identityFacts = (identity: Pick<ContactIdentity, "id" | "type" | "value">) => ({
  identityId: identity.id,
  type: identity.type,
  value: identity.value,
});

/** Adds an identity to a registered contact (a nameless contact gets its first ones by registering). */
export async function addContactIdentity(ctx: DomainContext, input: AddContactIdentityInput): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const contact = await lockLiveContact(tx, input.contactId);
    if (contact.kind === "nameless") {
      throw new DomainError("INVALID_STATE", "Register this nameless contact to give it identities.");
    }
    const identity = await attachIdentity(tx, contact.id, { type: input.type, value: input.value, field: "value" });
    await recordContactChange(tx, {
      action: "contact.identity_added",
      contactId: contact.id,
      after: identityFacts(identity),
      payload: identityFacts(identity),
    });
    return reloadContact(tx, contact.id);
  });
}

/** Removes an identity; a registered contact keeps at least one, so it can still be found. */
export async function removeContactIdentity(ctx: DomainContext, input: RemoveContactIdentityInput): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    // The contact row is locked so two concurrent removals cannot both pass the "last identity" check.
    const contact = await lockLiveContact(tx, input.contactId);
    const ofContact = eq(contactIdentities.contactId, contact.id);
    const [identity] = await tx.db
      .select()
      .from(contactIdentities)
      .where(and(ofContact, eq(contactIdentities.id, input.identityId)));
    if (!identity) throw notFound("Identity");
    const [remaining] = await tx.db.select({ value: count() }).from(contactIdentities).where(ofContact);
    if ((remaining?.value ?? 0) <= 1) {
      throw new DomainError("BUSINESS_RULE", "A registered contact keeps at least one identity; add another one first.");
    }
    await tx.db.delete(contactIdentities).where(and(ofContact, eq(contactIdentities.id, identity.id)));
    await recordContactChange(tx, {
      action: "contact.identity_removed",
      contactId: contact.id,
      before: identityFacts(identity),
      payload: identityFacts(identity),
    });
    return reloadContact(tx, contact.id);
  });
}
