import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { acquiringPoints, organisations } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { AddTerminalInput, IdInput, UpdateTerminalInput } from "./schemas";
import { assertArchiveChange, archiveStamp, liveUnless, recordChange } from "./shared";

/** Transaction acquiring points (D2): terminal ids, unique across the whole business. */
const terminalColumns = {
  id: acquiringPoints.id,
  organisationId: acquiringPoints.organisationId,
  terminalId: acquiringPoints.terminalId,
  archivedAt: acquiringPoints.archivedAt,
  createdAt: acquiringPoints.createdAt,
};
export type Terminal = { [K in keyof typeof terminalColumns]: (typeof acquiringPoints.$inferSelect)[K] };

/** The terminals of these organisations, grouped by organisation id. */
export async function terminalsByOrganisation(
  ctx: DomainContext,
  organisationIds: string[],
  includeArchived: boolean,
): Promise<Map<string, Terminal[]>> {
  const grouped = new Map<string, Terminal[]>();
  if (organisationIds.length === 0) return grouped;
  const rows = await ctx.db
    .select(terminalColumns)
    .from(acquiringPoints)
    .where(and(inArray(acquiringPoints.organisationId, organisationIds), liveUnless(includeArchived, acquiringPoints.archivedAt)))
    .orderBy(asc(acquiringPoints.terminalId));
  for (const row of rows) grouped.set(row.organisationId, [...(grouped.get(row.organisationId) ?? []), row]);
  return grouped;
}

/**
 * The organisation that will own a terminal, locked so it cannot be archived meanwhile.
 * Terminals only join live organisations.
 */
async function lockLiveOrganisation(tx: DomainContext, organisationId: string) {
  const [organisation] = await tx.db
    .select({ id: organisations.id, name: organisations.name, archivedAt: organisations.archivedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  if (!organisation) throw invalidField("organisationId", "Choose an existing organisation.");
  if (organisation.archivedAt) throw invalidField("organisationId", `${organisation.name} is archived.`);
  return organisation;
}

async function assertTerminalIdFree(tx: DomainContext, terminalId: string, exceptId?: string) {
  const [holder] = await tx.db
    .select({ name: organisations.name })
    .from(acquiringPoints)
    .innerJoin(organisations, eq(organisations.id, acquiringPoints.organisationId))
    .where(and(eq(acquiringPoints.terminalId, terminalId), exceptId ? ne(acquiringPoints.id, exceptId) : undefined));
  if (holder) throw invalidField("terminalId", `Terminal id ${terminalId} is already used by ${holder.name}.`);
}

async function lockTerminal(tx: DomainContext, id: string): Promise<Terminal> {
  const [terminal] = await tx.db.select(terminalColumns).from(acquiringPoints).where(eq(acquiringPoints.id, id)).for("update");
  if (!terminal) throw notFound("Terminal");
  return terminal;
}

export function addTerminal(ctx: DomainContext, input: AddTerminalInput): Promise<Terminal> {
  return inTransaction(ctx, async (tx) => {
    await lockLiveOrganisation(tx, input.organisationId);
    await assertTerminalIdFree(tx, input.terminalId);
    const [terminal] = await tx.db
      .insert(acquiringPoints)
      .values({ id: newId(), organisationId: input.organisationId, terminalId: input.terminalId })
      .returning(terminalColumns);
    await recordChange(tx, { action: "terminal.created", entityType: "terminal", entityId: terminal!.id, after: terminal! });
    return terminal!;
  });
}

/** Renames a terminal id or moves the terminal to another live organisation. */
export function updateTerminal(ctx: DomainContext, input: UpdateTerminalInput): Promise<Terminal> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockTerminal(tx, input.id);
    if (input.organisationId && input.organisationId !== before.organisationId) {
      await lockLiveOrganisation(tx, input.organisationId);
    }
    if (input.terminalId && input.terminalId !== before.terminalId) await assertTerminalIdFree(tx, input.terminalId, input.id);
    const [after] = await tx.db
      .update(acquiringPoints)
      .set({ terminalId: input.terminalId, organisationId: input.organisationId })
      .where(eq(acquiringPoints.id, input.id))
      .returning(terminalColumns);
    await recordChange(tx, { action: "terminal.updated", entityType: "terminal", entityId: input.id, before, after: after! });
    return after!;
  });
}

/** Archived terminals stop resolving purchases but keep their id, so history stays unambiguous. */
export function setTerminalArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<Terminal> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockTerminal(tx, input.id);
    assertArchiveChange("terminal", before, archived);
    if (!archived) await lockLiveOrganisation(tx, before.organisationId);
    const [after] = await tx.db
      .update(acquiringPoints)
      .set(archiveStamp(archived))
      .where(eq(acquiringPoints.id, input.id))
      .returning(terminalColumns);
    const action = archived ? "terminal.archived" : "terminal.unarchived";
    await recordChange(tx, { action, entityType: "terminal", entityId: input.id, before, after: after! });
    return after!;
  });
}

export interface ResolvedTerminal {
  acquiringPointId: string;
  organisationId: string;
  organisationName: string;
  /** The merchant itself, or the merchant of a venue: whose commercial terms apply (D7). */
  merchantId: string;
}

/** The live organisation behind a terminal id reported by a POS or transaction processor (D8). */
export async function resolveOrganisationByTerminal(ctx: DomainContext, input: { terminalId: string }): Promise<ResolvedTerminal> {
  const [row] = await ctx.db
    .select({
      acquiringPointId: acquiringPoints.id,
      terminalArchivedAt: acquiringPoints.archivedAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationArchivedAt: organisations.archivedAt,
      parentId: organisations.parentId,
    })
    .from(acquiringPoints)
    .innerJoin(organisations, eq(organisations.id, acquiringPoints.organisationId))
    .where(eq(acquiringPoints.terminalId, input.terminalId.trim()));
  if (!row) throw invalidField("terminalId", `Unknown terminal id ${input.terminalId}.`);
  if (row.terminalArchivedAt || row.organisationArchivedAt) {
    throw new DomainError("BUSINESS_RULE", `Terminal ${input.terminalId} is archived.`, { terminalId: input.terminalId });
  }
  return {
    acquiringPointId: row.acquiringPointId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    merchantId: row.parentId ?? row.organisationId,
  };
}
