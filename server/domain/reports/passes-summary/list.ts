import { and, asc, desc, eq } from "drizzle-orm";
import { contacts, currencies, passes, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { afterCursor, availableBalanceMinor, contactLabel, cursorOf, dateColumns, passesSummaryWhere, redeemedValueMinor } from "./query";
import { orderDateField, type ListPassesSummaryInput, type PassesSummaryDateField, type PassesSummaryFilters } from "./schemas";

const rowColumns = {
  id: passes.id,
  codeMask: passes.codeMask,
  planId: passes.planId,
  planName: passPlans.name,
  type: passPlans.type,
  state: passes.state,
  contactId: passes.contactId,
  contactKind: contacts.kind,
  contactName: contactLabel,
  issuedAt: passes.issuedAt,
  activatedAt: passes.activatedAt,
  redeemedAt: passes.redeemedAt,
  expiresAt: passes.expiresAt,
  currency: passes.currency,
  /** Digits of the currency's minor unit; null for promotion passes (no money). */
  minorUnits: currencies.minorUnits,
  initialValueMinor: passes.initialValueMinor,
  redeemedValueMinor,
  availableBalanceMinor,
};


interface PageRequest {
  filters: PassesSummaryFilters;
  sortDir: "asc" | "desc";
  after?: string;
  limit: number;
}

/**
 * One keyset page of the report ordered by (order date, id) — see `orderDateField` — along the
 * indexes passes_issued_at_idx / passes_state_issued_idx or the partial index of the date the
 * range filters on: page 20,000 costs what page 1 does.
 */
export async function readPassesSummaryPage(ctx: DomainContext, request: PageRequest) {
  const orderedBy = orderDateField(request.filters);
  const date = dateColumns[orderedBy];
  const order = request.sortDir === "desc" ? [desc(date), desc(passes.id)] : [asc(date), asc(passes.id)];
  const found = await ctx.db
    .select({ ...rowColumns, cursor: cursorOf(date) })
    .from(passes)
    .innerJoin(passPlans, eq(passPlans.id, passes.planId))
    .leftJoin(contacts, eq(contacts.id, passes.contactId))
    .leftJoin(currencies, eq(currencies.code, passes.currency))
    .where(and(passesSummaryWhere(request.filters), request.after ? afterCursor(request.after, request.sortDir, date) : undefined))
    .orderBy(...order)
    .limit(request.limit + 1);
  const page = found.slice(0, request.limit);
  const nextCursor = found.length > request.limit ? (page.at(-1)?.cursor ?? null) : null;
  return { rows: page.map(({ cursor: _cursor, ...row }) => row), nextCursor, orderedBy };
}

export type PassesSummaryRow = Awaited<ReturnType<typeof readPassesSummaryPage>>["rows"][number];

export interface PassesSummaryPage {
  rows: PassesSummaryRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The date the rows are ordered by (then their id). */
  orderedBy: PassesSummaryDateField;
}

/** The Passes Summary, a page at a time; the total count comes with the totals. */
export async function listPassesSummary(ctx: DomainContext, input: ListPassesSummaryInput): Promise<PassesSummaryPage> {
  const { sortDir, after, limit, ...filters } = input;
  return readPassesSummaryPage(ctx, { filters, sortDir, after, limit });
}
