import { relations, sql } from "drizzle-orm";
import {
  boolean,
  char,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { customFieldEntities, customFieldTypes, organisationKinds } from "../../server/domain/network/kinds";
import { archivable, timestamps } from "./_columns";

export const organisationKindEnum = pgEnum("organisation_kind", organisationKinds);

/** Merchants, and venues under a merchant (D2). */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey(),
    kind: organisationKindEnum().notNull(),
    name: text().notNull(),
    /** null for a merchant; the merchant a venue belongs to. */
    parentId: uuid().references((): AnyPgColumn => organisations.id),
    ...archivable,
    ...timestamps,
  },
  (t) => [index("organisations_parent_idx").on(t.parentId), index("organisations_name_idx").on(t.name)],
);

/** Transaction acquiring points: the terminal ids a venue's (or merchant's) POS reports. */
export const acquiringPoints = pgTable(
  "acquiring_points",
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    terminalId: text().notNull(),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("acquiring_points_terminal_uniq").on(t.terminalId), index("acquiring_points_org_idx").on(t.organisationId)],
);

export const productFamilies = pgTable(
  "product_families",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("product_families_name_uniq").on(sql`lower(${t.name})`)],
);

export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey(),
    sku: text().notNull(),
    name: text().notNull(),
    /** null: not yet classified (e.g. created on the fly from a purchase line). */
    familyId: uuid().references(() => productFamilies.id),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("products_sku_uniq").on(t.sku), index("products_family_idx").on(t.familyId)],
);

/** A named set of organisations and/or product families whose funds are spendable only there. */
export const commercePools = pgTable(
  "commerce_pools",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    description: text(),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("commerce_pools_name_uniq").on(sql`lower(${t.name})`)],
);

export const commercePoolOrganisations = pgTable(
  "commerce_pool_organisations",
  {
    poolId: uuid()
      .notNull()
      .references(() => commercePools.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.organisationId] })],
);

export const commercePoolFamilies = pgTable(
  "commerce_pool_families",
  {
    poolId: uuid()
      .notNull()
      .references(() => commercePools.id),
    familyId: uuid()
      .notNull()
      .references(() => productFamilies.id),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.familyId] })],
);

export const currencies = pgTable(
  "currencies",
  {
    /** ISO 4217 code. */
    code: char({ length: 3 }).primaryKey(),
    name: text().notNull(),
    /** Digits after the decimal point (2 for EUR, 0 for JPY); fixed once amounts exist in it. */
    minorUnits: integer().notNull(),
    /** Exactly one currency is the business currency that reports convert into. */
    isBusinessCurrency: boolean().notNull().default(false),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("currencies_business_uniq").on(t.isBusinessCurrency).where(sql`${t.isBusinessCurrency}`)],
);

/** 1 unit of `base` = `rate` units of `quote`, from `validFrom` until the next rate. */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: uuid().primaryKey(),
    base: char({ length: 3 })
      .notNull()
      .references(() => currencies.code),
    quote: char({ length: 3 })
      .notNull()
      .references(() => currencies.code),
    /** Exact decimal, read as a string and applied with integer arithmetic (never a float). */
    rate: numeric({ precision: 24, scale: 12 }).notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    /** null: in force from validFrom; set: withdrawn (a mistaken rate), ignored by conversions. */
    ...archivable,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("exchange_rates_pair_from_uniq")
      .on(t.base, t.quote, t.validFrom)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const customFieldTypeEnum = pgEnum("custom_field_type", customFieldTypes);

export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    id: uuid().primaryKey(),
    entity: text({ enum: customFieldEntities }).notNull(),
    key: text().notNull(),
    label: text().notNull(),
    type: customFieldTypeEnum().notNull(),
    /** The allowed values of a `select` field; empty for the other types. */
    options: text().array().notNull().default([]),
    required: boolean().notNull().default(false),
    ...archivable,
    ...timestamps,
  },
  (t) => [uniqueIndex("custom_field_definitions_entity_key_uniq").on(t.entity, t.key)],
);

export const organisationsRelations = relations(organisations, ({ one, many }) => ({
  parent: one(organisations, { fields: [organisations.parentId], references: [organisations.id], relationName: "venues" }),
  venues: many(organisations, { relationName: "venues" }),
  acquiringPoints: many(acquiringPoints),
}));

export const acquiringPointsRelations = relations(acquiringPoints, ({ one }) => ({
  organisation: one(organisations, { fields: [acquiringPoints.organisationId], references: [organisations.id] }),
}));

export const productsRelations = relations(products, ({ one }) => ({
  family: one(productFamilies, { fields: [products.familyId], references: [productFamilies.id] }),
}));
