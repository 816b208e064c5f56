import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { commercePoolFamilies, commercePoolOrganisations, commercePools, organisations, productFamilies } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import type { CreateCommercePoolInput, IdInput, ListCommercePoolsInput, UpdateCommercePoolInput } from "./schemas";
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

/** A named set of organisations and/or product families whose funds are spendable only there (D2). */
const poolColumns = {
  id: commercePools.id,
  name: commercePools.name,
  description: commercePools.description,
  archivedAt: commercePools.archivedAt,
  createdAt: commercePools.createdAt,
  updatedAt: commercePools.updatedAt,
};
type PoolRow = { [K in keyof typeof poolColumns]: (typeof commercePools.$inferSelect)[K] };
const memberOrganisationColumns = {
  poolId: commercePoolOrganisations.poolId,
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  archivedAt: organisations.archivedAt,
};
const memberFamilyColumns = {
  poolId: commercePoolFamilies.poolId,
  id: productFamilies.id,
  name: productFamilies.name,
  archivedAt: productFamilies.archivedAt,
};
type MemberOrganisation = Pick<typeof organisations.$inferSelect, "id" | "name" | "kind" | "archivedAt">;
type MemberFamily = Pick<typeof productFamilies.$inferSelect, "id" | "name" | "archivedAt">;
export type CommercePool = PoolRow & { organisations: MemberOrganisation[]; families: MemberFamily[] };

const sortColumns = { name: commercePools.name, createdAt: commercePools.createdAt };

async function withMembers(ctx: DomainContext, pools: PoolRow[]): Promise<CommercePool[]> {
  const ids = pools.map((p) => p.id);
  if (ids.length === 0) return [];
  const [orgRows, familyRows] = await Promise.all([
    ctx.db
      .select(memberOrganisationColumns)
      .from(commercePoolOrganisations)
      .innerJoin(organisations, eq(organisations.id, commercePoolOrganisations.organisationId))
      .where(inArray(commercePoolOrganisations.poolId, ids))
      .orderBy(asc(organisations.name)),
    ctx.db
      .select(memberFamilyColumns)
      .from(commercePoolFamilies)
      .innerJoin(productFamilies, eq(productFamilies.id, commercePoolFamilies.familyId))
      .where(inArray(commercePoolFamilies.poolId, ids))
      .orderBy(asc(productFamilies.name)),
  ]);
  return pools.map((pool) => ({
    ...pool,
    organisations: orgRows.filter((m) => m.poolId === pool.id).map(({ poolId: _, ...m }) => m),
    families: familyRows.filter((m) => m.poolId === pool.id).map(({ poolId: _, ...m }) => m),
  }));
}

export async function listCommercePools(ctx: DomainContext, input: ListCommercePoolsInput): Promise<Page<CommercePool>> {
  const where = and(
    liveUnless(input.includeArchived, commercePools.archivedAt),
    searchOn(input.search, commercePools.name, commercePools.description),
  );
  const { limit, offset } = limitOffset(input);
  const page = await paged(
    input,
    ctx.db
      .select(poolColumns)
      .from(commercePools)
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "name"), asc(commercePools.id))
      .limit(limit)
      .offset(offset),
    ctx.db.select(countAll).from(commercePools).where(where),
  );
  return { ...page, rows: await withMembers(ctx, page.rows) };
}

export async function getCommercePool(ctx: DomainContext, input: IdInput): Promise<CommercePool> {
  const [pool] = await ctx.db.select(poolColumns).from(commercePools).where(eq(commercePools.id, input.id));
  if (!pool) throw notFound("Commerce pool");
  const [withMembersPool] = await withMembers(ctx, [pool]);
  return withMembersPool!;
}

async function assertNameFree(tx: DomainContext, name: string, exceptId?: string) {
  const [holder] = await tx.db
    .select({ archivedAt: commercePools.archivedAt })
    .from(commercePools)
    .where(and(sameText(commercePools.name, name), exceptId ? ne(commercePools.id, exceptId) : undefined));
  if (holder) throw taken("name", "A commerce pool with this name", holder);
}

/** New members must exist and be live; members kept from before may since have been archived. */
async function assertLiveMembers(tx: DomainContext, organisationIds: string[], familyIds: string[]) {
  if (organisationIds.length > 0) {
    const live = await tx.db
      .select({ id: organisations.id, archivedAt: organisations.archivedAt })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds));
    if (live.filter((o) => !o.archivedAt).length !== organisationIds.length) {
      throw invalidField("organisationIds", "Choose only existing, live organisations.");
    }
  }
  if (familyIds.length > 0) {
    const live = await tx.db
      .select({ id: productFamilies.id, archivedAt: productFamilies.archivedAt })
      .from(productFamilies)
      .where(inArray(productFamilies.id, familyIds));
    if (live.filter((f) => !f.archivedAt).length !== familyIds.length) {
      throw invalidField("familyIds", "Choose only existing, live product families.");
    }
  }
}

const assertNotEmpty = (organisationIds: string[], familyIds: string[]) => {
  if (organisationIds.length + familyIds.length === 0) {
    throw invalidField("organisationIds", "Choose at least one organisation or product family.");
  }
};

const added = (next: string[], previous: string[]) => next.filter((id) => !previous.includes(id));
const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Adds and removes members so the pool holds exactly the given organisations and families. */
async function syncMembers(tx: DomainContext, poolId: string, before: CommercePool | null, organisationIds: string[], familyIds: string[]) {
  const previousOrgs = before?.organisations.map((o) => o.id) ?? [];
  const previousFamilies = before?.families.map((f) => f.id) ?? [];
  await assertLiveMembers(tx, added(organisationIds, previousOrgs), added(familyIds, previousFamilies));
  const removedOrgs = added(previousOrgs, organisationIds);
  const removedFamilies = added(previousFamilies, familyIds);
  if (removedOrgs.length > 0) {
    await tx.db
      .delete(commercePoolOrganisations)
      .where(and(eq(commercePoolOrganisations.poolId, poolId), inArray(commercePoolOrganisations.organisationId, removedOrgs)));
  }
  if (removedFamilies.length > 0) {
    await tx.db
      .delete(commercePoolFamilies)
      .where(and(eq(commercePoolFamilies.poolId, poolId), inArray(commercePoolFamilies.familyId, removedFamilies)));
  }
  const newOrgs = added(organisationIds, previousOrgs);
  const newFamilies = added(familyIds, previousFamilies);
  if (newOrgs.length > 0) {
    await tx.db.insert(commercePoolOrganisations).values(newOrgs.map((organisationId) => ({ poolId, organisationId })));
  }
  if (newFamilies.length > 0) {
    await tx.db.insert(commercePoolFamilies).values(newFamilies.map((familyId) => ({ poolId, familyId })));
  }
}

export function createCommercePool(ctx: DomainContext, input: CreateCommercePoolInput): Promise<CommercePool> {
  return inTransaction(ctx, async (tx) => {
    const organisationIds = unique(input.organisationIds);
    const familyIds = unique(input.familyIds);
    assertNotEmpty(organisationIds, familyIds);
    await assertNameFree(tx, input.name);
    const id = newId();
    await tx.db.insert(commercePools).values({ id, name: input.name, description: input.description ?? null });
    await syncMembers(tx, id, null, organisationIds, familyIds);
    const created = await getCommercePool(tx, { id });
    await recordChange(tx, { action: "commerce_pool.created", entityType: "commerce_pool", entityId: id, after: created });
    return created;
  });
}

export function updateCommercePool(ctx: DomainContext, input: UpdateCommercePoolInput): Promise<CommercePool> {
  return inTransaction(ctx, async (tx) => {
    // Locked so concurrent edits of the member sets apply one after the other.
    const [locked] = await tx.db.select({ id: commercePools.id }).from(commercePools).where(eq(commercePools.id, input.id)).for("update");
    if (!locked) throw notFound("Commerce pool");
    const before = await getCommercePool(tx, input);
    const organisationIds = unique(input.organisationIds ?? before.organisations.map((o) => o.id));
    const familyIds = unique(input.familyIds ?? before.families.map((f) => f.id));
    assertNotEmpty(organisationIds, familyIds);
    if (input.name && input.name !== before.name) await assertNameFree(tx, input.name, input.id);
    await tx.db
      .update(commercePools)
      .set({ name: input.name, description: input.description })
      .where(eq(commercePools.id, input.id));
    await syncMembers(tx, input.id, before, organisationIds, familyIds);
    const after = await getCommercePool(tx, input);
    await recordChange(tx, { action: "commerce_pool.updated", entityType: "commerce_pool", entityId: input.id, before, after });
    return after;
  });
}

/** An archived pool keeps its members (its funds stay where they are); it is not offered for new plans. */
export function setCommercePoolArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<CommercePool> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(poolColumns).from(commercePools).where(eq(commercePools.id, input.id)).for("update");
    if (!before) throw notFound("Commerce pool");
    assertArchiveChange("commerce pool", before, archived);
    await tx.db.update(commercePools).set(archiveStamp(archived)).where(eq(commercePools.id, input.id));
    const after = await getCommercePool(tx, input);
    const action = archived ? "commerce_pool.archived" : "commerce_pool.unarchived";
    await recordChange(tx, { action, entityType: "commerce_pool", entityId: input.id, before, after });
    return after;
  });
}
