import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import {
  createProductFamily,
  getProductFamily,
  listProductFamilies,
  setProductFamilyArchived,
  updateProductFamily,
} from "./product-families";
import { createProduct, findOrCreateProductBySku, getProduct, listProducts, setProductArchived, updateProduct } from "./products";
import { listProductFamiliesSchema, listProductsSchema } from "./schemas";
import { fieldOf, refusal, trailOf } from "./test-fixtures";

testDatabase();

describe("product families", () => {
  it("creates, renames and archives a family, each change audited and announced", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Hot drinks ") });
    const renamed = await updateProductFamily(ctx, { id: family.id, name: `${family.name} & tea` });
    expect(renamed.name).toBe(`${family.name} & tea`);
    await setProductFamilyArchived(ctx, { id: family.id }, true);
    await setProductFamilyArchived(ctx, { id: family.id }, false);
    const trail = await trailOf(ctx, "product_family", family.id);
    const actions = ["product_family.created", "product_family.updated", "product_family.archived", "product_family.unarchived"];
    expect(trail.actions).toEqual(actions);
    expect(trail.eventTypes).toEqual(actions);
    expect(trail.events[1]!.payload).toMatchObject({ before: { name: family.name }, after: { name: renamed.name } });
  });

  it("refuses a family name already taken in any case, pointing at an archived holder", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Pastry ") });
    const dup = await refusal(createProductFamily(ctx, { name: family.name.toLowerCase() }));
    expect(fieldOf(dup)).toEqual(["name"]);
    await setProductFamilyArchived(ctx, { id: family.id }, true);
    expect((await refusal(createProductFamily(ctx, { name: family.name }))).message).toMatch(/archived/);
    const other = await createProductFamily(ctx, { name: unique("Other ") });
    expect(fieldOf(await refusal(updateProductFamily(ctx, { id: other.id, name: family.name })))).toEqual(["name"]);
  });

  it("lists families with their product counts", async () => {
    const ctx = await contextAs("admin");
    const tag = unique("Fam");
    const family = await createProductFamily(ctx, { name: `${tag} B` });
    await createProductFamily(ctx, { name: `${tag} A` });
    await createProduct(ctx, { sku: unique("SKU-"), name: "Scone", familyId: family.id });
    const page = await listProductFamilies(ctx, listProductFamiliesSchema.parse({ search: tag }));
    expect(page.rows.map((r) => [r.name, r.productCount])).toEqual([
      [`${tag} A`, 0],
      [`${tag} B`, 1],
    ]);
    expect((await getProductFamily(ctx, { id: family.id })).productCount).toBe(1);
  });
});

describe("products", () => {
  it("creates a product in a live family and refuses a duplicate SKU", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Cold drinks ") });
    const sku = unique("SKU-");
    const product = await createProduct(ctx, { sku, name: "Lemonade", familyId: family.id });
    expect(await getProduct(ctx, { id: product.id })).toMatchObject({ sku, familyName: family.name });
    expect((await trailOf(ctx, "product", product.id)).eventTypes).toEqual(["product.created"]);
    const dup = await refusal(createProduct(ctx, { sku, name: "Other" }));
    expect(dup.code).toBe("VALIDATION_FAILED");
    expect(fieldOf(dup)).toEqual(["sku"]);
    const other = await createProduct(ctx, { sku: unique("SKU-"), name: "Cola" });
    expect(fieldOf(await refusal(updateProduct(ctx, { id: other.id, sku })))).toEqual(["sku"]);
  });

  it("classifies products only into existing, live families", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Retired ") });
    await setProductFamilyArchived(ctx, { id: family.id }, true);
    expect(fieldOf(await refusal(createProduct(ctx, { sku: unique("SKU-"), name: "X", familyId: family.id })))).toEqual(["familyId"]);
    const product = await createProduct(ctx, { sku: unique("SKU-"), name: "Y" });
    const missing = "01900000-0000-7000-8000-000000000000";
    expect(fieldOf(await refusal(updateProduct(ctx, { id: product.id, familyId: missing })))).toEqual(["familyId"]);
  });

  it("updates, archives and unarchives a product", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Bakery ") });
    const product = await createProduct(ctx, { sku: unique("SKU-"), name: "Bun", familyId: family.id });
    const updated = await updateProduct(ctx, { id: product.id, name: "Cinnamon bun", familyId: null });
    expect(updated).toMatchObject({ name: "Cinnamon bun", familyId: null, sku: product.sku });
    await setProductArchived(ctx, { id: product.id }, true);
    expect((await refusal(setProductArchived(ctx, { id: product.id }, true))).code).toBe("INVALID_STATE");
    await setProductArchived(ctx, { id: product.id }, false);
    expect((await trailOf(ctx, "product", product.id)).actions).toEqual([
      "product.created",
      "product.updated",
      "product.archived",
      "product.unarchived",
    ]);
  });

  it("lists with search on SKU or name, family filter, sort, paging and archived filter", async () => {
    const ctx = await contextAs("admin");
    const tag = unique("P");
    const family = await createProductFamily(ctx, { name: `${tag} family` });
    const a = await createProduct(ctx, { sku: `${tag}-1`, name: "Banana bread", familyId: family.id });
    await createProduct(ctx, { sku: `${tag}-2`, name: `Apple pie ${tag}`, familyId: family.id });
    const c = await createProduct(ctx, { sku: `${tag}-3`, name: "Cherry tart" });
    await setProductArchived(ctx, { id: c.id }, true);

    const bySku = await listProducts(ctx, listProductsSchema.parse({ search: tag, sortBy: "name" }));
    expect(bySku.rows.map((r) => r.name)).toEqual([`Apple pie ${tag}`, "Banana bread"]);
    const withArchived = await listProducts(ctx, listProductsSchema.parse({ search: tag, includeArchived: "true", sortBy: "sku", sortDir: "desc" }));
    expect(withArchived.rows.map((r) => r.sku)).toEqual([`${tag}-3`, `${tag}-2`, `${tag}-1`]);
    const inFamily = await listProducts(ctx, listProductsSchema.parse({ familyId: family.id, pageSize: "1", page: "1" }));
    expect(inFamily).toMatchObject({ total: 2, page: 1 });
    expect(inFamily.rows).toEqual([expect.objectContaining({ familyName: family.name })]);
    expect(inFamily.rows[0]!.id).not.toBe(c.id);
    const byName = await listProducts(ctx, listProductsSchema.parse({ search: "banana BREAD", familyId: family.id }));
    expect(byName.rows.map((r) => r.id)).toEqual([a.id]);
  });
});

describe("findOrCreateProductBySku", () => {
  it("returns the existing product for a known SKU, archived or not", async () => {
    const ctx = await contextAs("admin");
    const product = await createProduct(ctx, { sku: unique("SKU-"), name: "Known" });
    await setProductArchived(ctx, { id: product.id }, true);
    const found = await findOrCreateProductBySku(ctx, { sku: product.sku, name: "Ignored", familyName: "Ignored" });
    expect(found).toEqual({ product: expect.objectContaining({ id: product.id, name: "Known" }), created: false });
  });

  it("creates an unknown SKU on the fly, with its family (existing in any case, or new)", async () => {
    const ctx = await contextAs("admin");
    const family = await createProductFamily(ctx, { name: unique("Snacks ") });
    const first = await findOrCreateProductBySku(ctx, { sku: unique("NEW-"), name: "Crisps", familyName: family.name.toUpperCase() });
    expect(first).toMatchObject({ created: true, product: { name: "Crisps", familyId: family.id } });
    expect((await trailOf(ctx, "product", first.product.id)).eventTypes).toEqual(["product.created"]);

    const familyName = unique("Brand new family ");
    const second = await findOrCreateProductBySku(ctx, { sku: unique("NEW-"), familyName });
    expect(second.product.name).toBe(second.product.sku);
    const created = await getProductFamily(ctx, { id: second.product.familyId! });
    expect(created.name).toBe(familyName);
    expect((await trailOf(ctx, "product_family", created.id)).eventTypes).toEqual(["product_family.created"]);
  });

  it("creates one product when the same new SKU arrives twice at once", async () => {
    const ctx = await contextAs("admin");
    const sku = unique("RACE-");
    const familyName = unique("Race family ");
    const results = await Promise.all([
      findOrCreateProductBySku(ctx, { sku, familyName }),
      findOrCreateProductBySku(ctx, { sku, familyName }),
    ]);
    expect(new Set(results.map((r) => r.product.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.product.familyId)).size).toBe(1);
  });
});
