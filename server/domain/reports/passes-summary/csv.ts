import type { DomainContext } from "../../context";
import { minorToDecimal } from "../../money";
import { readPassesSummaryPage, type PassesSummaryRow } from "./list";
import type { PassesSummaryFilters } from "./schemas";

export const passesSummaryCsvColumns = [
  "pass_id",
  "code",
  "plan",
  "type",
  "state",
  "contact_id",
  "contact",
  "issued_at",
  "activated_at",
  "redeemed_at",
  "expires_at",
  "currency",
  "initial_value",
  "redeemed_value",
  "available_balance",
] as const;

/** Cells a spreadsheet would run as a formula start with one of these (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Free text (names) that a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
export function csvField(value: string | number | null | undefined, { text = false } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && formulaStart.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const instant = (date: Date | null) => date?.toISOString() ?? "";

/** Money as an exact decimal in the currency's minor units ("12.50"); empty when there is none. */
function amount(minor: number | null, row: Pick<PassesSummaryRow, "currency" | "minorUnits">): string {
  if (minor === null || !row.currency) return "";
  return minorToDecimal(minor, row.minorUnits ?? 2);
}

/** One line of the file. Only free text is escaped: ids, enums, instants and amounts never need it. */
export function passesSummaryCsvLine(row: PassesSummaryRow): string {
  const contact = row.contactId ? (row.contactName ?? (row.contactKind === "nameless" ? "Nameless contact" : "")) : "";
  return [
    row.id,
    csvField(row.codeMask),
    csvField(row.planName, { text: true }),
    row.type,
    row.state,
    row.contactId ?? "",
    csvField(contact, { text: true }),
    instant(row.issuedAt),
    instant(row.activatedAt),
    instant(row.redeemedAt),
    instant(row.expiresAt),
    row.currency ?? "",
    amount(row.initialValueMinor, row),
    amount(row.redeemedValueMinor, row),
    amount(row.availableBalanceMinor, row),
  ].join(",");
}

/**
 * The whole report as CSV text chunks: the header, then one chunk per keyset batch in the
 * page's order (newest first). The next batch is fetched while the current one is formatted and
 * sent, so at most two batches are in memory, on PGlite as on a server: memory stays flat at a
 * million passes. The sort key is (order date, id): an issue date never changes, so a pass
 * changed during the export is neither skipped nor repeated; under a range on another date, a
 * pass whose date is changed during the export (a new expiry) may move past the batch being read.
 */
export async function* passesSummaryCsv(ctx: DomainContext, filters: PassesSummaryFilters, batchSize = 5_000): AsyncGenerator<string> {
  const read = (after: string | undefined) => {
    const batch = readPassesSummaryPage(ctx, { filters, sortDir: "desc", after, limit: batchSize });
    // Handled when awaited below; this only keeps an abandoned download's prefetch from being reported as unhandled.
    batch.catch(() => {});
    return batch;
  };
  yield `${passesSummaryCsvColumns.join(",")}\r\n`;
  let pending = read(undefined);
  for (;;) {
    const { rows, nextCursor } = await pending;
    if (nextCursor) pending = read(nextCursor);
    if (rows.length > 0) yield rows.map((row) => `${passesSummaryCsvLine(row)}\r\n`).join("");
    if (!nextCursor) return;
  }
}

/** The file name of an export made at `now`: passes-summary-2026-11-23.csv. */
export const passesSummaryFileName = (now = new Date()) => `passes-summary-${now.toISOString().slice(0, 10)}.csv`;
