import { z } from "zod";
import { pageInputSchema } from "../paging";
import { sortSchema } from "../sorting";
import { customFieldEntities, customFieldTypes, organisationKinds, type CustomFieldType } from "./kinds";

/** "true"/"false" from a query string, a boolean from tRPC and forms. */
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());

/**
 * Paging, search, sort and the include-archived filter of every network list. Numbers are coerced
 * because REST lists read them from the query string.
 */
function listSchema<const K extends readonly [string, ...string[]]>(sortKeys: K) {
  return pageInputSchema
    .extend({
      page: z.coerce.number().int().min(0).default(0),
      pageSize: z.coerce.number().int().min(1).max(200).default(25),
      search: z.string().trim().max(200).optional(),
      includeArchived: flag.default(false),
    })
    .merge(sortSchema(sortKeys));
}

export const idSchema = z.object({ id: z.string().uuid() });
export type IdInput = z.infer<typeof idSchema>;

const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
const uuidList = z.array(z.string().uuid()).max(500).default([]);

/** Just a name: what forms ask when everything else about the entity is fixed (a venue's merchant, say). */
export const nameInputSchema = z.object({ name: nameSchema });
export type NameInput = z.infer<typeof nameInputSchema>;

/* Organisations and their transaction acquiring points (terminals). */

export const organisationKindSchema = z.enum(organisationKinds);

export const terminalIdSchema = z
  .string()
  .trim()
  .min(1, "Enter a terminal id.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits, '.', '_', ':' or '-'.");

export const createOrganisationSchema = z
  .object({ kind: organisationKindSchema, name: nameSchema, parentId: z.string().uuid().nullish() })
  .superRefine((v, issue) => {
    if (v.kind === "venue" && !v.parentId) {
      issue.addIssue({ code: "custom", path: ["parentId"], message: "Choose the merchant this venue belongs to." });
    }
    if (v.kind === "merchant" && v.parentId) {
      issue.addIssue({ code: "custom", path: ["parentId"], message: "A merchant has no parent." });
    }
  });
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = idSchema.extend({ name: nameSchema.optional(), parentId: z.string().uuid().optional() });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const listOrganisationsSchema = listSchema(["name", "createdAt"]).extend({
  kind: organisationKindSchema.optional(),
  parentId: z.string().uuid().optional(),
});
export type ListOrganisationsInput = z.infer<typeof listOrganisationsSchema>;

export const listMerchantsSchema = listSchema(["name", "createdAt"]);
export type ListMerchantsInput = z.infer<typeof listMerchantsSchema>;

export const addTerminalSchema = z.object({ organisationId: z.string().uuid(), terminalId: terminalIdSchema });
export type AddTerminalInput = z.infer<typeof addTerminalSchema>;

export const updateTerminalSchema = idSchema.extend({
  terminalId: terminalIdSchema.optional(),
  organisationId: z.string().uuid().optional(),
});
export type UpdateTerminalInput = z.infer<typeof updateTerminalSchema>;

/* Products and product families. */

export const skuSchema = z.string().trim().min(1, "Enter a SKU.").max(64, "Use at most 64 characters.");

export const createProductSchema = z.object({ sku: skuSchema, name: nameSchema, familyId: z.string().uuid().nullish() });
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = idSchema.extend({
  sku: skuSchema.optional(),
  name: nameSchema.optional(),
  familyId: z.string().uuid().nullish(),
});
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export const listProductsSchema = listSchema(["sku", "name", "createdAt"]).extend({ familyId: z.string().uuid().optional() });
export type ListProductsInput = z.infer<typeof listProductsSchema>;

/** A basket line's product: found by SKU, else created with the line's name and family (D8). */
export const findOrCreateProductSchema = z.object({
  sku: skuSchema,
  name: nameSchema.optional(),
  familyName: nameSchema.optional(),
});
export type FindOrCreateProductInput = z.infer<typeof findOrCreateProductSchema>;

export const createProductFamilySchema = nameInputSchema;
export type CreateProductFamilyInput = z.infer<typeof createProductFamilySchema>;

export const updateProductFamilySchema = idSchema.extend({ name: nameSchema });
export type UpdateProductFamilyInput = z.infer<typeof updateProductFamilySchema>;

export const listProductFamiliesSchema = listSchema(["name", "createdAt"]);
export type ListProductFamiliesInput = z.infer<typeof listProductFamiliesSchema>;

/* Commerce pools. */

const poolMembers = z.object({ organisationIds: uuidList, familyIds: uuidList });
const descriptionSchema = z.string().trim().max(1000, "Use at most 1000 characters.").nullish();

export const createCommercePoolSchema = poolMembers
  .extend({ name: nameSchema, description: descriptionSchema })
  .refine((v) => v.organisationIds.length + v.familyIds.length > 0, {
    path: ["organisationIds"],
    message: "Choose at least one organisation or product family.",
  });
export type CreateCommercePoolInput = z.infer<typeof createCommercePoolSchema>;

export const updateCommercePoolSchema = idSchema.extend({
  name: nameSchema.optional(),
  description: descriptionSchema,
  organisationIds: z.array(z.string().uuid()).max(500).optional(),
  familyIds: z.array(z.string().uuid()).max(500).optional(),
});
export type UpdateCommercePoolInput = z.infer<typeof updateCommercePoolSchema>;

export const listCommercePoolsSchema = listSchema(["name", "createdAt"]);
export type ListCommercePoolsInput = z.infer<typeof listCommercePoolsSchema>;

/* Currencies and exchange rates. */

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use the 3-letter ISO 4217 code, e.g. EUR.");

export const currencyCodeInputSchema = z.object({ code: currencyCodeSchema });
export type CurrencyCodeInput = z.infer<typeof currencyCodeInputSchema>;

export const createCurrencySchema = z.object({
  code: currencyCodeSchema,
  name: nameSchema,
  minorUnits: z.coerce.number().int("Use a whole number.").min(0, "Use 0 to 4.").max(4, "Use 0 to 4."),
  isBusinessCurrency: z.boolean().default(false),
});
export type CreateCurrencyInput = z.infer<typeof createCurrencySchema>;

export const updateCurrencySchema = z.object({ code: currencyCodeSchema, name: nameSchema });
export type UpdateCurrencyInput = z.infer<typeof updateCurrencySchema>;

export const listCurrenciesSchema = listSchema(["code", "name"]);
export type ListCurrenciesInput = z.infer<typeof listCurrenciesSchema>;

const rateDigits = /^(\d{1,12})(?:\.(\d{1,12}))?$/;
export const rateRule = "Enter a positive decimal rate with at most 12 decimals, e.g. 1.0845.";

/**
 * The canonical form of an exchange rate ("01.0800" → "1.08"), or null when it is not a positive
 * decimal that fits numeric(24,12). Rates stay strings: convertMinor applies them exactly.
 */
export function normaliseRate(input: string): string | null {
  const match = rateDigits.exec(input.trim());
  if (!match) return null;
  const whole = (match[1] ?? "0").replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (!/[1-9]/.test(whole + fraction)) return null;
  return fraction ? `${whole}.${fraction}` : whole;
}

const rateSchema = z.string().trim().refine((v) => normaliseRate(v) !== null, rateRule);

export const createExchangeRateSchema = z
  .object({ base: currencyCodeSchema, quote: currencyCodeSchema, rate: rateSchema, validFrom: z.coerce.date() })
  .refine((v) => v.base !== v.quote, { path: ["quote"], message: "Choose two different currencies." });
export type CreateExchangeRateInput = z.infer<typeof createExchangeRateSchema>;

export const updateExchangeRateSchema = idSchema.extend({ rate: rateSchema.optional(), validFrom: z.coerce.date().optional() });
export type UpdateExchangeRateInput = z.infer<typeof updateExchangeRateSchema>;

export const listExchangeRatesSchema = listSchema(["validFrom", "base", "quote", "createdAt"]).extend({
  base: currencyCodeSchema.optional(),
  quote: currencyCodeSchema.optional(),
});
export type ListExchangeRatesInput = z.infer<typeof listExchangeRatesSchema>;

export const latestRateSchema = z.object({ base: currencyCodeSchema, quote: currencyCodeSchema, at: z.coerce.date() });
export type LatestRateInput = z.infer<typeof latestRateSchema>;

export interface ConvertAmountInput {
  amountMinor: number;
  from: string;
  to: string;
  at: Date;
}

/* Custom field definitions. */

export const customFieldEntitySchema = z.enum(customFieldEntities);
export const customFieldTypeSchema = z.enum(customFieldTypes);

const optionsSchema = z.array(z.string().trim().min(1, "Options cannot be empty.").max(100)).max(100);

/** Why a field of this type cannot have these options, or null when it can. */
export function customFieldOptionsProblem(type: CustomFieldType, options: readonly string[]): string | null {
  if (type === "select" && options.length === 0) return "A select field needs at least one option.";
  if (type !== "select" && options.length > 0) return "Only select fields have options.";
  if (new Set(options).size !== options.length) return "Each option may appear only once.";
  return null;
}

export const createCustomFieldSchema = z
  .object({
    entity: customFieldEntitySchema,
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, "Start with a letter; use lower-case letters, digits and '_'."),
    label: z.string().trim().min(1, "Enter a label.").max(200),
    type: customFieldTypeSchema,
    options: optionsSchema.default([]),
    required: z.boolean().default(false),
  })
  .superRefine((v, issue) => {
    const problem = customFieldOptionsProblem(v.type, v.options);
    if (problem) issue.addIssue({ code: "custom", path: ["options"], message: problem });
  });
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = idSchema.extend({
  label: z.string().trim().min(1, "Enter a label.").max(200).optional(),
  options: optionsSchema.optional(),
  required: z.boolean().optional(),
});
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldSchema>;

export const listCustomFieldsSchema = listSchema(["entity", "key", "label", "createdAt"]).extend({
  entity: customFieldEntitySchema.optional(),
});
export type ListCustomFieldsInput = z.infer<typeof listCustomFieldsSchema>;
