import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { contactIdentities, contacts } from "@/db/schema";
import { recordAudit } from "../audit/record";
import type { DomainContext } from "../context";
import { DomainError, notFound } from "../errors";
import { emitEvent } from "../outbox";

export type ContactRow = typeof contacts.$inferSelect;

const identityColumns = {
  id: contactIdentities.id,
  contactId: contactIdentities.contactId,
  type: contactIdentities.type,
  value: contactIdentities.value,
  createdAt: contactIdentities.createdAt,
};
export type ContactIdentity = Omit<{ [K in keyof typeof identityColumns]: (typeof contactIdentities.$inferSelect)[K] }, "contactId">;

export interface Contact extends ContactRow {
  identities: ContactIdentity[];
}

/** Attaches identities to many contacts with one query (lists never query per row). */
export async function withIdentities(db: Db, rows: ContactRow[]): Promise<Contact[]> {
  if (rows.length === 0) return [];
  const identities = await db
    .select(identityColumns)
    .from(contactIdentities)
    .where(
      inArray(
        contactIdentities.contactId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(contactIdentities.type), asc(contactIdentities.createdAt));
  const byContact = new Map<string, ContactIdentity[]>();
  for (const { contactId, ...identity } of identities) {
    byContact.set(contactId, [...(byContact.get(contactId) ?? []), identity]);
  }
  return rows.map((row) => ({ ...row, identities: byContact.get(row.id) ?? [] }));
}

export async function loadContact(db: Db, contactId: string): Promise<Contact | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!row) return undefined;
  const [contact] = await withIdentities(db, [row]);
  return contact;
}

/**
 * Locks a contact for a read-modify-write (identity count, block state, kind), refusing one that
 * was merged away: its identities and history now belong to the contact it was merged into.
 */
export async function lockLiveContact(tx: DomainContext, contactId: string): Promise<ContactRow> {
  const [row] = await tx.db.select().from(contacts).where(eq(contacts.id, contactId)).for("update");
  if (!row) throw notFound("Contact");
  if (row.mergedIntoId) {
    throw new DomainError("INVALID_STATE", "This contact was merged into another contact; change that one instead.", {
      mergedIntoId: row.mergedIntoId,
    });
  }
  return row;
}

export interface ContactChange {
  action: string;
  contactId: string;
  before?: unknown;
  after?: unknown;
  /** What consumers of the domain event need (D9). */
  payload?: Record<string, unknown>;
}

/** Every contact change leaves an audit entry and a domain event of the same name, in the caller's transaction. */
export async function recordContactChange(tx: DomainContext, change: ContactChange): Promise<void> {
  await recordAudit(tx, {
    action: change.action,
    entityType: "contact",
    entityId: change.contactId,
    before: change.before,
    after: change.after,
  });
  await emitEvent(tx, { type: change.action, entityType: "contact", entityId: change.contactId, payload: change.payload });
}

/** Reloads a contact changed in this transaction, with its identities, for the caller's answer. */
export async function reloadContact(tx: DomainContext, contactId: string): Promise<Contact> {
  const contact = await loadContact(tx.db, contactId);
  if (!contact) throw notFound("Contact");
  return contact;
}
