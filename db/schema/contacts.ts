import { relations } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { users } from "./users";

export const contactKindEnum = pgEnum("contact_kind", ["registered", "nameless"]);
export const identityTypeEnum = pgEnum("identity_type", ["email", "phone", "contact_code", "cim"]);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey(),
    /** nameless: created by a gift redemption, identified only by the pass that funded it (D3). */
    kind: contactKindEnum().notNull(),
    firstName: text(),
    lastName: text(),
    spendingBlocked: boolean().notNull().default(false),
    /** The reason support gave; null while not blocked. */
    spendingBlockedReason: text(),
    spendingBlockedAt: timestamp({ withTimezone: true }),
    /** The user who blocked; null while not blocked, or when an API key or the system did. */
    spendingBlockedBy: uuid().references(() => users.id),
    /** Email of the user or name of the API key that blocked, so any actor is named; null while not blocked. */
    spendingBlockedByLabel: text(),
    /** null: a live contact; set: merged into that contact, which now holds its identities. */
    mergedIntoId: uuid().references((): AnyPgColumn => contacts.id),
    ...timestamps,
  },
  (t) => [index("contacts_created_at_idx").on(t.createdAt), index("contacts_last_name_idx").on(t.lastName)],
);

/** How a contact is found: each value (normalised) belongs to one contact across the business. */
export const contactIdentities = pgTable(
  "contact_identities",
  {
    id: uuid().primaryKey(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    type: identityTypeEnum().notNull(),
    /** Normalised: emails lower-cased, phones in E.164-like digits with a leading +. */
    value: text().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contact_identities_type_value_uniq").on(t.type, t.value),
    index("contact_identities_contact_idx").on(t.contactId),
    index("contact_identities_value_idx").on(t.value),
  ],
);

export const contactsRelations = relations(contacts, ({ many }) => ({
  identities: many(contactIdentities),
}));

export const contactIdentitiesRelations = relations(contactIdentities, ({ one }) => ({
  contact: one(contacts, { fields: [contactIdentities.contactId], references: [contacts.id] }),
}));
