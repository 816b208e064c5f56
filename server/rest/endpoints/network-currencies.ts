import { z } from "zod";
import { createCurrency, listCurrencies, setCurrencyArchived, updateCurrency } from "@/server/domain/network/currencies";
import { createExchangeRate, listExchangeRates, setExchangeRateArchived, updateExchangeRate } from "@/server/domain/network/exchange-rates";
import {
  createCurrencySchema,
  createExchangeRateSchema,
  currencyCodeInputSchema,
  listCurrenciesSchema,
  listExchangeRatesSchema,
  updateCurrencySchema,
  updateExchangeRateSchema,
} from "@/server/domain/network/schemas";
import { defineEndpoint } from "../endpoint";
import { archiveDescription, idPath, lifecycle, pageSchema } from "./network-shared";

const tag = "Currencies";

const currencySchema = z.object({
  code: z.string().length(3).describe("ISO 4217 code."),
  name: z.string(),
  minorUnits: z.number().int().describe("Digits after the decimal point; amounts are integers of minor units."),
  isBusinessCurrency: z.boolean().describe("The one currency purchases are converted into for reports and rewards."),
  ...lifecycle,
});

export const listCurrenciesEndpoint = defineEndpoint({
  method: "get",
  path: "/currencies",
  scope: "network:read",
  tag,
  summary: "List currencies",
  input: listCurrenciesSchema,
  output: pageSchema(currencySchema),
  handle: listCurrencies,
});

export const createCurrencyEndpoint = defineEndpoint({
  method: "post",
  path: "/currencies",
  scope: "network:write",
  tag,
  summary: "Add a currency",
  input: createCurrencySchema,
  output: currencySchema,
  successStatus: 201,
  handle: createCurrency,
});

export const updateCurrencyEndpoint = defineEndpoint({
  method: "patch",
  path: "/currencies/{code}",
  scope: "network:write",
  tag,
  summary: "Rename a currency",
  input: updateCurrencySchema,
  output: currencySchema,
  handle: updateCurrency,
});

export const archiveCurrencyEndpoint = defineEndpoint({
  method: "post",
  path: "/currencies/{code}/archive",
  scope: "network:write",
  tag,
  summary: "Archive a currency",
  description: `The business currency cannot be archived (422). ${archiveDescription}`,
  input: currencyCodeInputSchema,
  output: currencySchema,
  handle: (ctx, input) => setCurrencyArchived(ctx, input, true),
});

const rateSchema = z.object({
  id: z.string().uuid(),
  base: z.string().length(3),
  quote: z.string().length(3),
  rate: z.string().describe("1 unit of `base` is `rate` units of `quote`, as an exact decimal string."),
  validFrom: z.date().describe("In force from this time until the pair's next rate."),
  ...lifecycle,
});

export const listExchangeRatesEndpoint = defineEndpoint({
  method: "get",
  path: "/exchange-rates",
  scope: "network:read",
  tag,
  summary: "List exchange rates",
  description: "`base` and `quote` filter by currency.",
  input: listExchangeRatesSchema,
  output: pageSchema(rateSchema),
  handle: listExchangeRates,
});

export const createExchangeRateEndpoint = defineEndpoint({
  method: "post",
  path: "/exchange-rates",
  scope: "network:write",
  tag,
  summary: "Add an exchange rate",
  input: createExchangeRateSchema,
  output: rateSchema,
  successStatus: 201,
  handle: createExchangeRate,
});

export const updateExchangeRateEndpoint = defineEndpoint({
  method: "patch",
  path: "/exchange-rates/{id}",
  scope: "network:write",
  tag,
  summary: "Correct an exchange rate",
  input: updateExchangeRateSchema,
  output: rateSchema,
  handle: updateExchangeRate,
});

export const archiveExchangeRateEndpoint = defineEndpoint({
  method: "post",
  path: "/exchange-rates/{id}/archive",
  scope: "network:write",
  tag,
  summary: "Withdraw an exchange rate",
  description: `A withdrawn rate is ignored by conversions. ${archiveDescription}`,
  input: idPath,
  output: rateSchema,
  handle: (ctx, input) => setExchangeRateArchived(ctx, input, true),
});

export const currencyEndpoints = [
  listCurrenciesEndpoint,
  createCurrencyEndpoint,
  updateCurrencyEndpoint,
  archiveCurrencyEndpoint,
  listExchangeRatesEndpoint,
  createExchangeRateEndpoint,
  updateExchangeRateEndpoint,
  archiveExchangeRateEndpoint,
];
