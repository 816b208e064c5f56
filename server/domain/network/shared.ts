import { count, ilike, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { recordAudit } from "../audit/record";
import type { DomainContext } from "../context";
import { DomainError, invalidField } from "../errors";
import { emitEvent } from "../outbox";
import { pageOf, type Page, type PageInput } from "../paging";

export interface NetworkChange {
  /** Both the audit action and the domain event type, e.g. "organisation.created". */
  action: string;
  entityType: string;
  /** null for entities keyed by a code (currencies); the snapshots then carry the code. */
  entityId: string | null;
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Every network write is audited (D11) and announced (D9) in the caller's transaction. */
export async function recordChange(tx: DomainContext, change: NetworkChange): Promise<void> {
  await recordAudit(tx, change);
  await emitEvent(tx, {
    type: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    payload: change.before ? { before: change.before, after: change.after } : { after: change.after },
  });
}

/** Live rows only, unless the list asks for archived ones too. */
export const liveUnless = (includeArchived: boolean, archivedAt: AnyColumn): SQL | undefined =>
  includeArchived ? undefined : isNull(archivedAt);

/** The LIKE pattern of a search term, with its own wildcards taken literally. */
export const containing = (search: string) => `%${search.replace(/[\\%_]/g, "\\$&")}%`;

/** Case-insensitive substring match on any of the columns; no filter without a search term. */
export function searchOn(search: string | undefined, ...columns: AnyColumn[]): SQL | undefined {
  return search ? or(...columns.map((column) => ilike(column, containing(search)))) : undefined;
}

/** Case-insensitive equality, for names that must be unique regardless of case. */
export const sameText = (column: PgColumn, value: string): SQL => sql`lower(${column}) = lower(${value})`;

export const limitOffset = (input: PageInput) => ({ limit: input.pageSize, offset: input.page * input.pageSize });

export const countAll = { value: count() };

/** Runs a page's rows and its total together. */
export async function paged<T>(input: PageInput, rows: Promise<T[]>, total: Promise<{ value: number }[]>): Promise<Page<T>> {
  const [pageRows, [totalRow]] = await Promise.all([rows, total]);
  return pageOf(pageRows, totalRow?.value ?? 0, input);
}

export const archiveStamp = (archived: boolean) => ({ archivedAt: archived ? new Date() : null });

/** Archiving is a state change: archiving an archived row (or the reverse) is refused, not ignored. */
export function assertArchiveChange(entity: string, row: { archivedAt: Date | null }, archive: boolean): void {
  if (archive && row.archivedAt) throw new DomainError("INVALID_STATE", `This ${entity} is already archived.`);
  if (!archive && !row.archivedAt) throw new DomainError("INVALID_STATE", `This ${entity} is not archived.`);
}

/** The refusal for a name or code that is taken, pointing at the archived holder when there is one. */
export function taken(field: string, what: string, holder: { archivedAt: Date | null }) {
  return invalidField(field, holder.archivedAt ? `${what} already exists (archived): unarchive it instead.` : `${what} already exists.`);
}
