import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contactIdentities, contacts } from "@/db/schema";
import type { DomainContext } from "../context";
import { invalidField, notFound } from "../errors";
import { pageOf, type Page } from "../paging";
import { orderByOf } from "../sorting";
import { loadContact, withIdentities, type Contact } from "./contact-rows";
import { identityTypes, normaliseIdentity } from "./identity-values";
import type { ContactIdInput, IdentificationInput, ListContactsInput } from "./schemas";

const isUuid = (value: string) => z.string().uuid().safeParse(value).success;

/** A contact with its identities; a merged contact is returned as is, its mergedIntoId saying where it went. */
export async function getContact(ctx: DomainContext, input: ContactIdInput): Promise<Contact> {
  const contact = await loadContact(ctx.db, input.contactId);
  if (!contact) throw notFound("Contact");
  return contact;
}

/**
 * Finds the live contact an event or a redemption names (D3). A merged contact resolves to the
 * contact it was merged into, so ids held by other systems keep working. Undefined when none.
 */
export async function findContactByIdentification(ctx: DomainContext, input: IdentificationInput): Promise<Contact | undefined> {
  let contactId: string | undefined;
  if (input.type === "contact_id") {
    contactId = isUuid(input.value) ? input.value : undefined;
  } else {
    const normalised = normaliseIdentity(input.type, input.value);
    if (!normalised.ok) throw invalidField("value", normalised.message);
    const [identity] = await ctx.db
      .select({ contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.type, input.type), eq(contactIdentities.value, normalised.value)));
    contactId = identity?.contactId;
  }
  // Merges go nameless → registered only, so one hop suffices; the bound guards against bad data.
  for (let hops = 0; contactId && hops < 3; hops++) {
    const contact = await loadContact(ctx.db, contactId);
    if (!contact?.mergedIntoId) return contact;
    contactId = contact.mergedIntoId;
  }
  return undefined;
}

/** Contacts owning an identity equal to the term read as each identity type (at most one per type). */
async function exactIdentityMatches(ctx: DomainContext, term: string): Promise<string[]> {
  const candidates = identityTypes.flatMap((type) => {
    const normalised = normaliseIdentity(type, term);
    return normalised.ok ? [and(eq(contactIdentities.type, type), eq(contactIdentities.value, normalised.value))] : [];
  });
  const rows = candidates.length
    ? await ctx.db.selectDistinct({ contactId: contactIdentities.contactId }).from(contactIdentities).where(or(...candidates))
    : [];
  const ids = rows.map((r) => r.contactId);
  return isUuid(term) ? [...ids, term.toLowerCase()] : ids;
}

const likePrefix = (term: string) => `${term.replace(/[\\%_]/g, "\\$&")}%`;

function namePrefixMatch(term: string): SQL | undefined {
  const prefix = likePrefix(term);
  return or(
    ilike(contacts.firstName, prefix),
    ilike(contacts.lastName, prefix),
    ilike(sql`concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})`, prefix),
  );
}

const sortColumns = { name: contacts.lastName, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt };

/**
 * Live (not merged) contacts, paged on the server. A search term finds contacts by any identity
 * (exact match after normalisation, listed first) or by the start of a name.
 */
export async function listContacts(ctx: DomainContext, input: ListContactsInput): Promise<Page<Contact>> {
  const term = input.search?.trim();
  const matchedIds = term ? await exactIdentityMatches(ctx, term) : [];
  const identityMatch = matchedIds.length ? inArray(contacts.id, matchedIds) : undefined;
  const where = and(
    isNull(contacts.mergedIntoId),
    input.kind ? eq(contacts.kind, input.kind) : undefined,
    input.blocked === undefined ? undefined : eq(contacts.spendingBlocked, input.blocked),
    term ? or(identityMatch, namePrefixMatch(term)) : undefined,
  );
  const order = [
    ...(identityMatch ? [sql`case when ${identityMatch} then 0 else 1 end`] : []),
    orderByOf(sortColumns, input, "name"),
    asc(contacts.firstName),
    asc(contacts.id),
  ];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(contacts).where(where),
  ]);
  return pageOf(await withIdentities(ctx.db, rows), total?.value ?? 0, input);
}
