import { bigint, char, date, pgEnum, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { passStateEnum } from "./passes";

/**
 * Which date of a pass a summary row is bucketed by (the report's date filter), or `any`: one
 * row per key whatever the dates, for totals without a date filter.
 */
export const passesSummaryFacetEnum = pgEnum("passes_summary_facet", ["any", "issued", "activated", "redeemed", "expires"]);

/** The key every Passes Summary total is grouped by, and what it adds up. */
const summaryKey = {
  /** null: every pass; set: only passes with a redemption (not reversed) at this organisation. */
  organisationId: uuid(),
  planId: uuid().notNull(),
  state: passStateEnum().notNull(),
  /** null for promotion passes. */
  currency: char({ length: 3 }),
};

const summaryAmounts = {
  passes: bigint({ mode: "number" }).notNull(),
  /** Sums with null values taken as 0, as the report's totals count them. */
  initialMinor: bigint({ mode: "number" }).notNull(),
  redeemedMinor: bigint({ mode: "number" }).notNull(),
  remainingMinor: bigint({ mode: "number" }).notNull(),
};

/**
 * Changes to the Passes Summary not yet rolled up: appended by the triggers on `passes` and
 * `pass_redemptions` in the writer's transaction (a removed contribution as negative amounts),
 * never updated, so parallel redemptions never wait on a shared counter row. No index, no key:
 * appending is all a writer pays. The roll-up job moves them into `passes_summary`; readers add
 * what is still here. Days are UTC calendar days; null where the pass has no such date.
 */
export const passesSummaryDeltas = pgTable("passes_summary_deltas", {
  ...summaryKey,
  issuedOn: date({ mode: "string" }).notNull(),
  activatedOn: date({ mode: "string" }),
  redeemedOn: date({ mode: "string" }),
  expiresOn: date({ mode: "string" }),
  ...summaryAmounts,
});

/**
 * The Passes Summary's totals per key and UTC day of one date (`facet`), rolled up from the
 * deltas; written only by the roll-up. Exact totals = these rows + the deltas not yet rolled up
 * + the passes of partial days at the edges of a date range (read from `passes`).
 */
export const passesSummary = pgTable(
  "passes_summary",
  {
    facet: passesSummaryFacetEnum().notNull(),
    ...summaryKey,
    /** null: facet `any`, or the pass has no such date (not activated, no expiry …). */
    day: date({ mode: "string" }),
    ...summaryAmounts,
  },
  (t) => [unique("passes_summary_key_uniq").on(t.facet, t.organisationId, t.planId, t.state, t.currency, t.day).nullsNotDistinct()],
);
