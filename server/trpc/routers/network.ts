import { addTerminal, setTerminalArchived, updateTerminal } from "@/server/domain/network/acquiring-points";
import {
  createCommercePool,
  getCommercePool,
  listCommercePools,
  setCommercePoolArchived,
  updateCommercePool,
} from "@/server/domain/network/commerce-pools";
import {
  createCurrency,
  getCurrency,
  listCurrencies,
  setBusinessCurrency,
  setCurrencyArchived,
  updateCurrency,
} from "@/server/domain/network/currencies";
import { createCustomField, getCustomField, listCustomFields, setCustomFieldArchived, updateCustomField } from "@/server/domain/network/custom-fields";
import {
  createExchangeRate,
  getExchangeRate,
  listExchangeRates,
  setExchangeRateArchived,
  updateExchangeRate,
} from "@/server/domain/network/exchange-rates";
import {
  createOrganisation,
  getOrganisation,
  listMerchants,
  listOrganisations,
  setOrganisationArchived,
  updateOrganisation,
} from "@/server/domain/network/organisations";
import {
  createProductFamily,
  getProductFamily,
  listProductFamilies,
  setProductFamilyArchived,
  updateProductFamily,
} from "@/server/domain/network/product-families";
import { createProduct, getProduct, listProducts, setProductArchived, updateProduct } from "@/server/domain/network/products";
import * as s from "@/server/domain/network/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("network.read");
const manage = capabilityProcedure("network.manage");
const manageFields = capabilityProcedure("customFields.manage");

export const networkRouter = createTRPCRouter({
  organisations: createTRPCRouter({
    list: read.input(s.listOrganisationsSchema).query(({ ctx, input }) => listOrganisations(ctx.domain, input)),
    merchants: read.input(s.listMerchantsSchema).query(({ ctx, input }) => listMerchants(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getOrganisation(ctx.domain, input)),
    create: manage.input(s.createOrganisationSchema).mutation(({ ctx, input }) => createOrganisation(ctx.domain, input)),
    update: manage.input(s.updateOrganisationSchema).mutation(({ ctx, input }) => updateOrganisation(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setOrganisationArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setOrganisationArchived(ctx.domain, input, false)),
  }),
  terminals: createTRPCRouter({
    add: manage.input(s.addTerminalSchema).mutation(({ ctx, input }) => addTerminal(ctx.domain, input)),
    update: manage.input(s.updateTerminalSchema).mutation(({ ctx, input }) => updateTerminal(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setTerminalArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setTerminalArchived(ctx.domain, input, false)),
  }),
  products: createTRPCRouter({
    list: read.input(s.listProductsSchema).query(({ ctx, input }) => listProducts(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getProduct(ctx.domain, input)),
    create: manage.input(s.createProductSchema).mutation(({ ctx, input }) => createProduct(ctx.domain, input)),
    update: manage.input(s.updateProductSchema).mutation(({ ctx, input }) => updateProduct(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setProductArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setProductArchived(ctx.domain, input, false)),
  }),
  productFamilies: createTRPCRouter({
    list: read.input(s.listProductFamiliesSchema).query(({ ctx, input }) => listProductFamilies(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getProductFamily(ctx.domain, input)),
    create: manage.input(s.createProductFamilySchema).mutation(({ ctx, input }) => createProductFamily(ctx.domain, input)),
    update: manage.input(s.updateProductFamilySchema).mutation(({ ctx, input }) => updateProductFamily(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setProductFamilyArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setProductFamilyArchived(ctx.domain, input, false)),
  }),
  commercePools: createTRPCRouter({
    list: read.input(s.listCommercePoolsSchema).query(({ ctx, input }) => listCommercePools(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getCommercePool(ctx.domain, input)),
    create: manage.input(s.createCommercePoolSchema).mutation(({ ctx, input }) => createCommercePool(ctx.domain, input)),
    update: manage.input(s.updateCommercePoolSchema).mutation(({ ctx, input }) => updateCommercePool(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setCommercePoolArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setCommercePoolArchived(ctx.domain, input, false)),
  }),
  currencies: createTRPCRouter({
    list: read.input(s.listCurrenciesSchema).query(({ ctx, input }) => listCurrencies(ctx.domain, input)),
    byCode: read.input(s.currencyCodeInputSchema).query(({ ctx, input }) => getCurrency(ctx.domain, input)),
    create: manage.input(s.createCurrencySchema).mutation(({ ctx, input }) => createCurrency(ctx.domain, input)),
    update: manage.input(s.updateCurrencySchema).mutation(({ ctx, input }) => updateCurrency(ctx.domain, input)),
    makeBusinessCurrency: manage.input(s.currencyCodeInputSchema).mutation(({ ctx, input }) => setBusinessCurrency(ctx.domain, input)),
    archive: manage.input(s.currencyCodeInputSchema).mutation(({ ctx, input }) => setCurrencyArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.currencyCodeInputSchema).mutation(({ ctx, input }) => setCurrencyArchived(ctx.domain, input, false)),
  }),
  exchangeRates: createTRPCRouter({
    list: read.input(s.listExchangeRatesSchema).query(({ ctx, input }) => listExchangeRates(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getExchangeRate(ctx.domain, input)),
    create: manage.input(s.createExchangeRateSchema).mutation(({ ctx, input }) => createExchangeRate(ctx.domain, input)),
    update: manage.input(s.updateExchangeRateSchema).mutation(({ ctx, input }) => updateExchangeRate(ctx.domain, input)),
    archive: manage.input(s.idSchema).mutation(({ ctx, input }) => setExchangeRateArchived(ctx.domain, input, true)),
    unarchive: manage.input(s.idSchema).mutation(({ ctx, input }) => setExchangeRateArchived(ctx.domain, input, false)),
  }),
  /** Every role reads the definitions (forms render the fields); only admins change them (D1). */
  customFields: createTRPCRouter({
    list: read.input(s.listCustomFieldsSchema).query(({ ctx, input }) => listCustomFields(ctx.domain, input)),
    byId: read.input(s.idSchema).query(({ ctx, input }) => getCustomField(ctx.domain, input)),
    create: manageFields.input(s.createCustomFieldSchema).mutation(({ ctx, input }) => createCustomField(ctx.domain, input)),
    update: manageFields.input(s.updateCustomFieldSchema).mutation(({ ctx, input }) => updateCustomField(ctx.domain, input)),
    archive: manageFields.input(s.idSchema).mutation(({ ctx, input }) => setCustomFieldArchived(ctx.domain, input, true)),
    unarchive: manageFields.input(s.idSchema).mutation(({ ctx, input }) => setCustomFieldArchived(ctx.domain, input, false)),
  }),
});
