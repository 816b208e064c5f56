import { beforeAll, describe, expect, it } from "vitest";
import * as commercePoolsRoute from "@/app/api/v1/commerce-pools/route";
import * as currencyArchiveRoute from "@/app/api/v1/currencies/[code]/archive/route";
import * as currencyRoute from "@/app/api/v1/currencies/[code]/route";
import * as currenciesRoute from "@/app/api/v1/currencies/route";
import * as customFieldArchiveRoute from "@/app/api/v1/custom-fields/[id]/archive/route";
import * as customFieldsRoute from "@/app/api/v1/custom-fields/route";
import * as exchangeRatesRoute from "@/app/api/v1/exchange-rates/route";
import * as organisationArchiveRoute from "@/app/api/v1/organisations/[id]/archive/route";
import * as organisationRoute from "@/app/api/v1/organisations/[id]/route";
import * as terminalsRoute from "@/app/api/v1/organisations/[id]/terminals/route";
import * as organisationsRoute from "@/app/api/v1/organisations/route";
import * as productFamiliesRoute from "@/app/api/v1/product-families/route";
import * as productArchiveRoute from "@/app/api/v1/products/[id]/archive/route";
import * as productRoute from "@/app/api/v1/products/[id]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import { uniqueCurrency } from "@/server/domain/network/test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute as call } from "../test-request";

testDatabase();

describe("REST /api/v1 business network", () => {
  let readKey: string;
  let writeKey: string;
  let fieldsKey: string;
  beforeAll(async () => {
    readKey = await apiKeyWith("network:read");
    writeKey = await apiKeyWith("network:read", "network:write");
    fieldsKey = await apiKeyWith("network:read", "custom-fields:write");
  });

  const post = (handler: Parameters<typeof call>[0], path: string, body: unknown, key = writeKey, params = {}) =>
    call(handler, { method: "POST", path, key, body, params });

  it("refuses writes to a key without the scope (403) and creates nothing", async () => {
    const name = unique("Refused ");
    const res = await post(organisationsRoute.POST, "/organisations", { kind: "merchant", name }, readKey);
    expect(res).toEqual({
      status: 403,
      body: { error: { code: "FORBIDDEN", message: "This API key lacks the network:write scope.", details: null } },
    });
    const fields = await post(customFieldsRoute.POST, "/custom-fields", { entity: "pass", key: "x", label: "X", type: "text" }, writeKey);
    expect(fields).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", message: expect.stringContaining("custom-fields:write") } } });
    const listed = await call(organisationsRoute.GET, { path: `/organisations?search=${encodeURIComponent(name)}`, key: readKey });
    expect(listed).toMatchObject({ status: 200, body: { total: 0 } });
  });

  it("builds a merchant, a venue and a terminal, lists them and archives in order", async () => {
    const merchant = await post(organisationsRoute.POST, "/organisations", { kind: "merchant", name: unique("Merchant ") });
    expect(merchant).toMatchObject({ status: 201, body: { kind: "merchant", parentId: null, archivedAt: null } });
    const merchantId = String(merchant.body.id);
    const venue = await post(organisationsRoute.POST, "/organisations", { kind: "venue", name: "Harbour", parentId: merchantId });
    const venueId = String(venue.body.id);
    const terminalId = unique("POS-");
    const terminal = await post(terminalsRoute.POST, `/organisations/${venueId}/terminals`, { terminalId }, writeKey, { id: venueId });
    expect(terminal).toMatchObject({ status: 201, body: { organisationId: venueId, terminalId } });

    const venues = await call(organisationsRoute.GET, { path: `/organisations?parentId=${merchantId}&kind=venue`, key: readKey });
    expect(venues).toMatchObject({ status: 200, body: { total: 1, rows: [{ id: venueId, parentName: merchant.body.name, terminals: [{ terminalId }] }] } });
    const detail = await call(organisationRoute.GET, { path: `/organisations/${merchantId}`, key: readKey, params: { id: merchantId } });
    expect(detail).toMatchObject({ status: 200, body: { venues: [{ id: venueId, terminals: [{ terminalId }] }] } });

    const renamed = await call(organisationRoute.PATCH, { method: "PATCH", path: `/organisations/${venueId}`, key: writeKey, params: { id: venueId }, body: { name: "Harbour Front" } });
    expect(renamed).toMatchObject({ status: 200, body: { name: "Harbour Front" } });

    const archive = (id: string) => post(organisationArchiveRoute.POST, `/organisations/${id}/archive`, {}, writeKey, { id });
    expect(await archive(merchantId)).toMatchObject({ status: 422, body: { error: { code: "BUSINESS_RULE" } } });
    expect(await archive(venueId)).toMatchObject({ status: 200, body: { archivedAt: expect.any(String) } });
    expect(await archive(venueId)).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
    expect(await archive(merchantId)).toMatchObject({ status: 200 });
  });

  it("answers 400 VALIDATION_FAILED with field errors for an invalid body, and 404 for an unknown id", async () => {
    const orphan = await post(organisationsRoute.POST, "/organisations", { kind: "venue", name: "" });
    expect(orphan).toMatchObject({
      status: 400,
      body: { error: { code: "VALIDATION_FAILED", details: { fieldErrors: { name: ["Enter a name."], parentId: ["Choose the merchant this venue belongs to."] } } } },
    });
    const rate = await post(exchangeRatesRoute.POST, "/exchange-rates", { base: "EUR", quote: "EUR", rate: "-1", validFrom: "2025-01-01" });
    expect(rate).toMatchObject({ status: 400, body: { error: { details: { fieldErrors: { rate: [expect.any(String)], quote: ["Choose two different currencies."] } } } } });
    const id = "01900000-0000-7000-8000-000000000000";
    expect(await call(organisationRoute.GET, { path: `/organisations/${id}`, key: readKey, params: { id } })).toMatchObject({
      status: 404,
      body: { error: { code: "NOT_FOUND" } },
    });
  });

  it("creates products in a family, finds them by family and archives one", async () => {
    const family = await post(productFamiliesRoute.POST, "/product-families", { name: unique("Pastries ") });
    expect(family.status).toBe(201);
    const familyId = String(family.body.id);
    const sku = unique("CRO-");
    const product = await post(productsRoute.POST, "/products", { sku, name: "Croissant", familyId });
    expect(product).toMatchObject({ status: 201, body: { sku, familyId } });
    const id = String(product.body.id);
    const dupe = await post(productsRoute.POST, "/products", { sku, name: "Again" });
    expect(dupe).toMatchObject({ status: 400, body: { error: { details: { fieldErrors: { sku: [expect.any(String)] } } } } });

    const listed = await call(productsRoute.GET, { path: `/products?familyId=${familyId}`, key: readKey });
    expect(listed).toMatchObject({ status: 200, body: { total: 1, rows: [{ id, familyName: family.body.name }] } });
    const families = await call(productFamiliesRoute.GET, { path: `/product-families?search=${encodeURIComponent(String(family.body.name))}`, key: readKey });
    expect(families.body).toMatchObject({ rows: [{ id: familyId, productCount: 1 }] });

    await call(productRoute.PATCH, { method: "PATCH", path: `/products/${id}`, key: writeKey, params: { id }, body: { name: "Butter croissant" } });
    expect(await post(productArchiveRoute.POST, `/products/${id}/archive`, {}, writeKey, { id })).toMatchObject({ status: 200 });
    const live = await call(productsRoute.GET, { path: `/products?familyId=${familyId}`, key: readKey });
    const all = await call(productsRoute.GET, { path: `/products?familyId=${familyId}&includeArchived=true`, key: readKey });
    expect([live.body.total, all.body.total]).toEqual([0, 1]);
  });

  it("creates a commerce pool of an organisation and a family, refusing an empty one", async () => {
    const merchant = await post(organisationsRoute.POST, "/organisations", { kind: "merchant", name: unique("Pool merchant ") });
    const family = await post(productFamiliesRoute.POST, "/product-families", { name: unique("Drinks ") });
    const empty = await post(commercePoolsRoute.POST, "/commerce-pools", { name: unique("Pool ") });
    expect(empty).toMatchObject({ status: 400, body: { error: { details: { fieldErrors: { organisationIds: [expect.any(String)] } } } } });
    const pool = await post(commercePoolsRoute.POST, "/commerce-pools", {
      name: unique("Pool "),
      organisationIds: [merchant.body.id],
      familyIds: [family.body.id],
    });
    expect(pool).toMatchObject({ status: 201, body: { organisations: [{ id: merchant.body.id, kind: "merchant" }], families: [{ id: family.body.id }] } });
  });

  it("adds and renames currencies, adds a rate, and archives a currency", async () => {
    const ctx = await contextAs("admin");
    const base = await uniqueCurrency(ctx);
    const quote = await uniqueCurrency(ctx);
    const rate = await post(exchangeRatesRoute.POST, "/exchange-rates", { base: base.code, quote: quote.code, rate: "1.084500", validFrom: "2025-01-01T00:00:00Z" });
    expect(rate).toMatchObject({ status: 201, body: { rate: "1.0845", validFrom: "2025-01-01T00:00:00.000Z" } });
    const rates = await call(exchangeRatesRoute.GET, { path: `/exchange-rates?base=${base.code.toLowerCase()}`, key: readKey });
    expect(rates.body).toMatchObject({ total: 1, rows: [{ quote: quote.code }] });

    const params = { code: quote.code };
    const renamed = await call(currencyRoute.PATCH, { method: "PATCH", path: `/currencies/${quote.code}`, key: writeKey, params, body: { name: "Renamed" } });
    expect(renamed).toMatchObject({ status: 200, body: { code: quote.code, name: "Renamed" } });
    expect(await post(currencyArchiveRoute.POST, `/currencies/${quote.code}/archive`, {}, writeKey, params)).toMatchObject({ status: 200 });
    const listed = await call(currenciesRoute.GET, { path: `/currencies?search=${quote.code}`, key: readKey });
    expect(listed.body.total).toBe(0);
    const invalid = await post(currenciesRoute.POST, "/currencies", { code: "EURO", name: "Euro", minorUnits: 9 });
    expect(invalid).toMatchObject({ status: 400, body: { error: { details: { fieldErrors: { code: [expect.any(String)], minorUnits: ["Use 0 to 4."] } } } } });
  });

  it("defines and archives a custom field with custom-fields:write", async () => {
    const key = unique("size_");
    const created = await post(customFieldsRoute.POST, "/custom-fields", { entity: "contact", key, label: "Size", type: "select", options: ["S", "M"] }, fieldsKey);
    expect(created).toMatchObject({ status: 201, body: { key, options: ["S", "M"], required: false } });
    const noOptions = await post(customFieldsRoute.POST, "/custom-fields", { entity: "contact", key: unique("x_"), label: "X", type: "select" }, fieldsKey);
    expect(noOptions).toMatchObject({ status: 400, body: { error: { details: { fieldErrors: { options: ["A select field needs at least one option."] } } } } });
    const id = String(created.body.id);
    expect(await post(customFieldArchiveRoute.POST, `/custom-fields/${id}/archive`, {}, fieldsKey, { id })).toMatchObject({ status: 200 });
    const listed = await call(customFieldsRoute.GET, { path: `/custom-fields?entity=contact&search=${key}&includeArchived=true`, key: readKey });
    expect(listed.body).toMatchObject({ total: 1, rows: [{ id, archivedAt: expect.any(String) }] });
  });

  it("replays an Idempotency-Key with the identical answer and creates one organisation", async () => {
    const name = unique("Idem ");
    const request = { method: "POST", path: "/organisations", key: writeKey, body: { kind: "merchant", name }, idempotencyKey: unique("idem") };
    const first = await call(organisationsRoute.POST, request);
    expect(first.status).toBe(201);
    expect(await call(organisationsRoute.POST, request)).toEqual(first);
    const listed = await call(organisationsRoute.GET, { path: `/organisations?search=${encodeURIComponent(name)}`, key: readKey });
    expect(listed.body.total).toBe(1);
  });
});
