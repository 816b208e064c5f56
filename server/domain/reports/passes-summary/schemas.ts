import { z } from "zod";
import { passTypes } from "../../pass-plans/kinds";
import { lotPassStates } from "../../passes/lots/schemas";

export const passStates = lotPassStates;

/** Which date of a pass the from/to range applies to. */
export const passesSummaryDateFields = ["issued", "activated", "redeemed", "expires"] as const;
export type PassesSummaryDateField = (typeof passesSummaryDateFields)[number];

const filterFields = {
  planId: z.string().uuid("Not a plan id.").optional(),
  type: z.enum(passTypes).optional(),
  state: z.enum(passStates).optional(),
  /** Passes with a redemption (not reversed) at this organisation (pass_redemptions.organisationId). */
  organisationId: z.string().uuid("Not an organisation id.").optional(),
  dateField: z.enum(passesSummaryDateFields).default("issued"),
  /** Inclusive. */
  from: z.coerce.date().optional(),
  /** Exclusive: the first moment no longer included. */
  to: z.coerce.date().optional(),
};

/**
 * The date the report is ordered by: the one its range filters on, so a range of old redemptions
 * (or of coming expiries) is read in that date's index order instead of walking every newer pass
 * in issue order to find them; the issue date when no range is set.
 */
export const orderDateField = (filters: { dateField?: PassesSummaryDateField; from?: unknown; to?: unknown }): PassesSummaryDateField =>
  filters.from || filters.to ? (filters.dateField ?? "issued") : "issued";

const rangeInOrder = (v: { from?: Date; to?: Date }) => !v.from || !v.to || v.from < v.to;
const rangeRule = { path: ["to"], message: "The end of the range must come after its start." };

/** The filters of the Passes Summary, shared by the page, its totals and the CSV export. */
export const passesSummaryFiltersSchema = z.object(filterFields).refine(rangeInOrder, rangeRule);
export type PassesSummaryFilters = z.infer<typeof passesSummaryFiltersSchema>;
export type PassesSummaryFiltersInput = z.input<typeof passesSummaryFiltersSchema>;

/**
 * Keyset cursor: the order date of the last row as PostgreSQL prints it (microseconds kept, so
 * no row is skipped or repeated) and its id.
 */
const cursorPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const listPassesSummarySchema = z
  .object({
    ...filterFields,
    /**
     * Ordered by the date the range filters on (issue date without a range), then id; newest
     * first unless asked otherwise.
     */
    sortDir: z.enum(["asc", "desc"]).default("desc"),
    after: z.string().regex(cursorPattern, "Not a page cursor.").optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine(rangeInOrder, rangeRule);
export type ListPassesSummaryInput = z.infer<typeof listPassesSummarySchema>;

/**
 * Filters read from a URL's query string (the CSV link): empty values mean "not set", unknown
 * keys are ignored.
 */
export function filtersFromSearchParams(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(filterFields)) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  return passesSummaryFiltersSchema.safeParse(raw);
}

/** The query string of a filter set, for the CSV link (dates as ISO instants). */
export function filtersToSearchParams(filters: PassesSummaryFiltersInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  return params;
}
