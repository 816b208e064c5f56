import { and, asc, eq, ne, sql } from "drizzle-orm";
import { productFamilies, products } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import type { CreateProductFamilyInput, IdInput, ListProductFamiliesInput, UpdateProductFamilyInput } from "./schemas";
import {
  assertArchiveChange,
  archiveStamp,
  countAll,
  limitOffset,
  liveUnless,
  paged,
  recordChange,
  sameText,
  searchOn,
  taken,
} from "./shared";

const familyColumns = {
  id: productFamilies.id,
  name: productFamilies.name,
  archivedAt: productFamilies.archivedAt,
  createdAt: productFamilies.createdAt,
  updatedAt: productFamilies.updatedAt,
};
export type ProductFamily = { [K in keyof typeof familyColumns]: (typeof productFamilies.$inferSelect)[K] };
export type ProductFamilySummary = ProductFamily & { productCount: number };

const sortColumns = { name: productFamilies.name, createdAt: productFamilies.createdAt };
// Qualified by hand: drizzle leaves columns unqualified in single-table selects, which a subquery would misread.
const productCount = sql<number>`(select count(*) from ${products} where ${products}.family_id = ${productFamilies}.id)`.mapWith(Number);

export async function listProductFamilies(ctx: DomainContext, input: ListProductFamiliesInput): Promise<Page<ProductFamilySummary>> {
  const where = and(liveUnless(input.includeArchived, productFamilies.archivedAt), searchOn(input.search, productFamilies.name));
  const { limit, offset } = limitOffset(input);
  return paged(
    input,
    ctx.db
      .select({ ...familyColumns, productCount })
      .from(productFamilies)
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "name"), asc(productFamilies.id))
      .limit(limit)
      .offset(offset),
    ctx.db.select(countAll).from(productFamilies).where(where),
  );
}

export async function getProductFamily(ctx: DomainContext, input: IdInput): Promise<ProductFamilySummary> {
  const [family] = await ctx.db.select({ ...familyColumns, productCount }).from(productFamilies).where(eq(productFamilies.id, input.id));
  if (!family) throw notFound("Product family");
  return family;
}

async function assertNameFree(tx: DomainContext, name: string, exceptId?: string) {
  const [holder] = await tx.db
    .select({ archivedAt: productFamilies.archivedAt })
    .from(productFamilies)
    .where(and(sameText(productFamilies.name, name), exceptId ? ne(productFamilies.id, exceptId) : undefined));
  if (holder) throw taken("name", "A product family with this name", holder);
}

async function insertFamily(tx: DomainContext, name: string): Promise<ProductFamily | undefined> {
  const [created] = await tx.db
    .insert(productFamilies)
    .values({ id: newId(), name })
    .onConflictDoNothing()
    .returning(familyColumns);
  if (created) {
    await recordChange(tx, { action: "product_family.created", entityType: "product_family", entityId: created.id, after: created });
  }
  return created;
}

export function createProductFamily(ctx: DomainContext, input: CreateProductFamilyInput): Promise<ProductFamily> {
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, input.name);
    const created = await insertFamily(tx, input.name);
    // Another request took the name between the check and the insert.
    if (!created) throw invalidField("name", "A product family with this name already exists.");
    return created;
  });
}

/**
 * The family of a purchase line, by name in any case; a new name creates the family, as unknown
 * SKUs are created (D8). Concurrent creators meet on the unique name and both get the same row.
 */
export async function findOrCreateFamilyByName(tx: DomainContext, name: string): Promise<ProductFamily> {
  const find = () => tx.db.select(familyColumns).from(productFamilies).where(sameText(productFamilies.name, name));
  const [existing] = await find();
  if (existing) return existing;
  const created = await insertFamily(tx, name);
  if (created) return created;
  const [winner] = await find();
  return winner!;
}

export function updateProductFamily(ctx: DomainContext, input: UpdateProductFamilyInput): Promise<ProductFamily> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(familyColumns).from(productFamilies).where(eq(productFamilies.id, input.id)).for("update");
    if (!before) throw notFound("Product family");
    await assertNameFree(tx, input.name, input.id);
    const [after] = await tx.db
      .update(productFamilies)
      .set({ name: input.name })
      .where(eq(productFamilies.id, input.id))
      .returning(familyColumns);
    await recordChange(tx, { action: "product_family.updated", entityType: "product_family", entityId: input.id, before, after: after! });
    return after!;
  });
}

/** An archived family keeps its products and pool memberships; it is no longer offered in pickers. */
export function setProductFamilyArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<ProductFamily> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(familyColumns).from(productFamilies).where(eq(productFamilies.id, input.id)).for("update");
    if (!before) throw notFound("Product family");
    assertArchiveChange("product family", before, archived);
    const [after] = await tx.db
      .update(productFamilies)
      .set(archiveStamp(archived))
      .where(eq(productFamilies.id, input.id))
      .returning(familyColumns);
    const action = archived ? "product_family.archived" : "product_family.unarchived";
    await recordChange(tx, { action, entityType: "product_family", entityId: input.id, before, after: after! });
    return after!;
  });
}
