import { and, asc, eq, ne } from "drizzle-orm";
import { productFamilies, products } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import { findOrCreateFamilyByName } from "./product-families";
import type { CreateProductInput, FindOrCreateProductInput, IdInput, ListProductsInput, UpdateProductInput } from "./schemas";
import {
  assertArchiveChange,
  archiveStamp,
  countAll,
  limitOffset,
  liveUnless,
  paged,
  recordChange,
  searchOn,
  taken,
} from "./shared";

const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  familyId: products.familyId,
  archivedAt: products.archivedAt,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};
export type Product = { [K in keyof typeof productColumns]: (typeof products.$inferSelect)[K] };
export type ProductSummary = Product & { familyName: string | null };

const summaryColumns = { ...productColumns, familyName: productFamilies.name };
const sortColumns = { sku: products.sku, name: products.name, createdAt: products.createdAt };

export async function listProducts(ctx: DomainContext, input: ListProductsInput): Promise<Page<ProductSummary>> {
  const where = and(
    liveUnless(input.includeArchived, products.archivedAt),
    input.familyId ? eq(products.familyId, input.familyId) : undefined,
    searchOn(input.search, products.sku, products.name),
  );
  const { limit, offset } = limitOffset(input);
  return paged(
    input,
    ctx.db
      .select(summaryColumns)
      .from(products)
      .leftJoin(productFamilies, eq(productFamilies.id, products.familyId))
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "sku"), asc(products.id))
      .limit(limit)
      .offset(offset),
    ctx.db.select(countAll).from(products).where(where),
  );
}

export async function getProduct(ctx: DomainContext, input: IdInput): Promise<ProductSummary> {
  const [product] = await ctx.db
    .select(summaryColumns)
    .from(products)
    .leftJoin(productFamilies, eq(productFamilies.id, products.familyId))
    .where(eq(products.id, input.id));
  if (!product) throw notFound("Product");
  return product;
}

/** SKUs are unique across the business, archived products included: a SKU names one product forever. */
async function assertSkuFree(tx: DomainContext, sku: string, exceptId?: string) {
  const [holder] = await tx.db
    .select({ archivedAt: products.archivedAt })
    .from(products)
    .where(and(eq(products.sku, sku), exceptId ? ne(products.id, exceptId) : undefined));
  if (holder) throw taken("sku", `A product with SKU ${sku}`, holder);
}

/** Products are classified only into live families. */
async function assertLiveFamily(tx: DomainContext, familyId: string) {
  const [family] = await tx.db
    .select({ name: productFamilies.name, archivedAt: productFamilies.archivedAt })
    .from(productFamilies)
    .where(eq(productFamilies.id, familyId));
  if (!family) throw invalidField("familyId", "Choose an existing product family.");
  if (family.archivedAt) throw invalidField("familyId", `The family ${family.name} is archived.`);
}

export function createProduct(ctx: DomainContext, input: CreateProductInput): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    await assertSkuFree(tx, input.sku);
    if (input.familyId) await assertLiveFamily(tx, input.familyId);
    const [created] = await tx.db
      .insert(products)
      .values({ id: newId(), sku: input.sku, name: input.name, familyId: input.familyId ?? null })
      .onConflictDoNothing()
      .returning(productColumns);
    // Another request took the SKU between the check and the insert.
    if (!created) throw invalidField("sku", `A product with SKU ${input.sku} already exists.`);
    await recordChange(tx, { action: "product.created", entityType: "product", entityId: created.id, after: created });
    return created;
  });
}

/**
 * The product of a purchase line (D8): found by SKU, archived or not, else created on the fly with
 * the line's name (the SKU when it has none) and family (created too when new).
 */
export function findOrCreateProductBySku(
  ctx: DomainContext,
  input: FindOrCreateProductInput,
): Promise<{ product: Product; created: boolean }> {
  const find = (tx: DomainContext) => tx.db.select(productColumns).from(products).where(eq(products.sku, input.sku));
  return inTransaction(ctx, async (tx) => {
    const [existing] = await find(tx);
    if (existing) return { product: existing, created: false };
    const family = input.familyName ? await findOrCreateFamilyByName(tx, input.familyName) : null;
    const [created] = await tx.db
      .insert(products)
      .values({ id: newId(), sku: input.sku, name: input.name ?? input.sku, familyId: family?.id ?? null })
      .onConflictDoNothing()
      .returning(productColumns);
    if (!created) {
      // A concurrent purchase created the SKU first: both lines now share its product.
      const [winner] = await find(tx);
      return { product: winner!, created: false };
    }
    await recordChange(tx, { action: "product.created", entityType: "product", entityId: created.id, after: created });
    return { product: created, created: true };
  });
}

export function updateProduct(ctx: DomainContext, input: UpdateProductInput): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(productColumns).from(products).where(eq(products.id, input.id)).for("update");
    if (!before) throw notFound("Product");
    if (input.sku && input.sku !== before.sku) await assertSkuFree(tx, input.sku, input.id);
    if (input.familyId && input.familyId !== before.familyId) await assertLiveFamily(tx, input.familyId);
    const [after] = await tx.db
      .update(products)
      .set({ sku: input.sku, name: input.name, familyId: input.familyId })
      .where(eq(products.id, input.id))
      .returning(productColumns);
    await recordChange(tx, { action: "product.updated", entityType: "product", entityId: input.id, before, after: after! });
    return after!;
  });
}

export function setProductArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(productColumns).from(products).where(eq(products.id, input.id)).for("update");
    if (!before) throw notFound("Product");
    assertArchiveChange("product", before, archived);
    const [after] = await tx.db.update(products).set(archiveStamp(archived)).where(eq(products.id, input.id)).returning(productColumns);
    const action = archived ? "product.archived" : "product.unarchived";
    await recordChange(tx, { action, entityType: "product", entityId: input.id, before, after: after! });
    return after!;
  });
}
