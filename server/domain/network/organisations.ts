import { and, asc, count, eq, exists, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { acquiringPoints, organisations } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import { terminalsByOrganisation, type Terminal } from "./acquiring-points";
import type { OrganisationKind } from "./kinds";
import type {
  CreateOrganisationInput,
  IdInput,
  ListMerchantsInput,
  ListOrganisationsInput,
  UpdateOrganisationInput,
} from "./schemas";
import {
  assertArchiveChange,
  archiveStamp,
  containing,
  countAll,
  limitOffset,
  liveUnless,
  paged,
  recordChange,
  sameText,
  taken,
} from "./shared";

/** Merchants, and venues under a merchant (D2). */
const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  parentId: organisations.parentId,
  archivedAt: organisations.archivedAt,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};
export type Organisation = { [K in keyof typeof organisationColumns]: (typeof organisations.$inferSelect)[K] };
export type OrganisationWithTerminals = Organisation & { terminals: Terminal[] };
export type OrganisationSummary = OrganisationWithTerminals & { parentName: string | null };
/** A merchant with its venues, or a venue (whose `venues` is empty), each with its terminals. */
export type OrganisationDetail = OrganisationSummary & { venues: OrganisationWithTerminals[] };

const parent = alias(organisations, "parent");
const terminalOwner = alias(organisations, "terminal_owner");
const sortColumns = { name: organisations.name, createdAt: organisations.createdAt };

async function withTerminals<T extends Organisation>(ctx: DomainContext, rows: T[], includeArchived: boolean) {
  const terminals = await terminalsByOrganisation(ctx, rows.map((r) => r.id), includeArchived);
  return rows.map((row) => ({ ...row, terminals: terminals.get(row.id) ?? [] }));
}

/** Organisations of any kind, each with its terminals; search matches names and terminal ids. */
export async function listOrganisations(ctx: DomainContext, input: ListOrganisationsInput): Promise<Page<OrganisationSummary>> {
  const pattern = input.search ? containing(input.search) : undefined;
  const where = and(
    liveUnless(input.includeArchived, organisations.archivedAt),
    input.kind ? eq(organisations.kind, input.kind) : undefined,
    input.parentId ? eq(organisations.parentId, input.parentId) : undefined,
    pattern ? or(ilike(organisations.name, pattern), hasTerminalLike(ctx, pattern, eq(terminalOwner.id, organisations.id))) : undefined,
  );
  const page = await paged(
    input,
    ctx.db
      .select({ ...organisationColumns, parentName: parent.name })
      .from(organisations)
      .leftJoin(parent, eq(parent.id, organisations.parentId))
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "name"), asc(organisations.id))
      .limit(limitOffset(input).limit)
      .offset(limitOffset(input).offset),
    ctx.db.select(countAll).from(organisations).where(where),
  );
  return { ...page, rows: await withTerminals(ctx, page.rows, input.includeArchived) };
}

/** Some terminal whose id matches, owned as `owner` says (over `terminalOwner`, its organisation). */
function hasTerminalLike(ctx: DomainContext, pattern: string, owner: SQL | undefined) {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(acquiringPoints)
      .innerJoin(terminalOwner, eq(terminalOwner.id, acquiringPoints.organisationId))
      .where(and(ilike(acquiringPoints.terminalId, pattern), owner)),
  );
}

/**
 * A page of merchants, each with its venues and every terminal: the network as people picture it.
 * Search matches a merchant's name, one of its venues' names, or a terminal id anywhere under it.
 */
export async function listMerchants(ctx: DomainContext, input: ListMerchantsInput): Promise<Page<OrganisationDetail>> {
  const pattern = input.search ? containing(input.search) : undefined;
  const venue = alias(organisations, "venue");
  const where = and(
    eq(organisations.kind, "merchant"),
    liveUnless(input.includeArchived, organisations.archivedAt),
    pattern
      ? or(
          ilike(organisations.name, pattern),
          exists(
            ctx.db
              .select({ one: sql`1` })
              .from(venue)
              .where(and(eq(venue.parentId, organisations.id), ilike(venue.name, pattern), liveUnless(input.includeArchived, venue.archivedAt))),
          ),
          hasTerminalLike(ctx, pattern, or(eq(terminalOwner.id, organisations.id), eq(terminalOwner.parentId, organisations.id))),
        )
      : undefined,
  );
  const page = await paged(
    input,
    ctx.db
      .select(organisationColumns)
      .from(organisations)
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "name"), asc(organisations.id))
      .limit(limitOffset(input).limit)
      .offset(limitOffset(input).offset),
    ctx.db.select(countAll).from(organisations).where(where),
  );
  const merchants = await withTerminals(ctx, page.rows, input.includeArchived);
  const venues = await venuesOf(ctx, merchants.map((m) => m.id), input.includeArchived);
  return {
    ...page,
    rows: merchants.map((m) => ({ ...m, parentName: null, venues: venues.filter((v) => v.parentId === m.id) })),
  };
}

async function venuesOf(ctx: DomainContext, merchantIds: string[], includeArchived: boolean) {
  if (merchantIds.length === 0) return [];
  const rows = await ctx.db
    .select(organisationColumns)
    .from(organisations)
    .where(and(inArray(organisations.parentId, merchantIds), liveUnless(includeArchived, organisations.archivedAt)))
    .orderBy(asc(organisations.name));
  return withTerminals(ctx, rows, includeArchived);
}

/** One organisation with its terminals and, for a merchant, its venues (archived ones included). */
export async function getOrganisation(ctx: DomainContext, input: IdInput): Promise<OrganisationDetail> {
  const [row] = await ctx.db
    .select({ ...organisationColumns, parentName: parent.name })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(eq(organisations.id, input.id));
  if (!row) throw notFound("Organisation");
  const [organisation] = await withTerminals(ctx, [row], true);
  return { ...organisation!, venues: row.kind === "merchant" ? await venuesOf(ctx, [row.id], true) : [] };
}

async function lockOrganisation(tx: DomainContext, id: string): Promise<Organisation | undefined> {
  const [row] = await tx.db.select(organisationColumns).from(organisations).where(eq(organisations.id, id)).for("update");
  return row;
}

/** A venue's parent must be a live merchant; it is locked so it cannot be archived meanwhile. */
async function lockParentMerchant(tx: DomainContext, parentId: string): Promise<Organisation> {
  const merchant = await lockOrganisation(tx, parentId);
  if (!merchant) throw invalidField("parentId", "Choose an existing merchant.");
  if (merchant.kind !== "merchant") throw invalidField("parentId", "A venue's parent must be a merchant.");
  if (merchant.archivedAt) throw invalidField("parentId", `${merchant.name} is archived: choose a live merchant.`);
  return merchant;
}

/** Merchant names are unique among merchants; venue names among the venues of one merchant. */
async function assertNameFree(tx: DomainContext, kind: OrganisationKind, parentId: string | null, name: string, exceptId?: string) {
  const [holder] = await tx.db
    .select({ archivedAt: organisations.archivedAt })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, kind),
        parentId ? eq(organisations.parentId, parentId) : isNull(organisations.parentId),
        sameText(organisations.name, name),
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    );
  if (holder) throw taken("name", kind === "merchant" ? "A merchant with this name" : "A venue with this name under this merchant", holder);
}

export function createOrganisation(ctx: DomainContext, input: CreateOrganisationInput): Promise<Organisation> {
  return inTransaction(ctx, async (tx) => {
    const parentId = input.kind === "venue" ? input.parentId : null;
    if (input.kind === "venue" && !parentId) throw invalidField("parentId", "Choose the merchant this venue belongs to.");
    if (parentId) await lockParentMerchant(tx, parentId);
    await assertNameFree(tx, input.kind, parentId ?? null, input.name);
    const [created] = await tx.db
      .insert(organisations)
      .values({ id: newId(), kind: input.kind, name: input.name, parentId })
      .returning(organisationColumns);
    await recordChange(tx, { action: "organisation.created", entityType: "organisation", entityId: created!.id, after: created! });
    return created!;
  });
}

/** Renames an organisation, or moves a venue under another live merchant. */
export function updateOrganisation(ctx: DomainContext, input: UpdateOrganisationInput): Promise<Organisation> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockOrganisation(tx, input.id);
    if (!before) throw notFound("Organisation");
    const parentId = input.parentId ?? before.parentId;
    if (input.parentId && before.kind === "merchant") throw invalidField("parentId", "A merchant has no parent.");
    if (input.parentId && input.parentId !== before.parentId) await lockParentMerchant(tx, input.parentId);
    const name = input.name ?? before.name;
    if (name !== before.name || parentId !== before.parentId) await assertNameFree(tx, before.kind, parentId, name, before.id);
    const [after] = await tx.db
      .update(organisations)
      .set({ name, parentId })
      .where(eq(organisations.id, input.id))
      .returning(organisationColumns);
    await recordChange(tx, { action: "organisation.updated", entityType: "organisation", entityId: input.id, before, after: after! });
    return after!;
  });
}

/**
 * Archiving hides an organisation from pickers and stops its terminals resolving. A merchant with
 * live venues stays live; a venue comes back only under a live merchant.
 */
export function setOrganisationArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<Organisation> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockOrganisation(tx, input.id);
    if (!before) throw notFound("Organisation");
    assertArchiveChange(before.kind, before, archived);
    if (archived && before.kind === "merchant") {
      const [venues] = await tx.db
        .select({ value: count() })
        .from(organisations)
        .where(and(eq(organisations.parentId, before.id), isNull(organisations.archivedAt)));
      if (venues && venues.value > 0) {
        throw new DomainError("BUSINESS_RULE", `${before.name} still has ${venues.value} live venue(s): archive them first.`, {
          liveVenues: venues.value,
        });
      }
    }
    if (!archived && before.parentId) {
      const merchant = await lockOrganisation(tx, before.parentId);
      if (merchant?.archivedAt) throw new DomainError("BUSINESS_RULE", `Unarchive the merchant ${merchant.name} first.`);
    }
    const [after] = await tx.db
      .update(organisations)
      .set(archiveStamp(archived))
      .where(eq(organisations.id, input.id))
      .returning(organisationColumns);
    const action = archived ? "organisation.archived" : "organisation.unarchived";
    await recordChange(tx, { action, entityType: "organisation", entityId: input.id, before, after: after! });
    return after!;
  });
}
