import { getDatabase } from "@/db";
import type { UserActor } from "@/server/auth/session";
import { recordAudit } from "@/server/domain/audit/record";
import { passesSummaryCsv, passesSummaryFileName } from "@/server/domain/reports/passes-summary/csv";
import { filtersFromSearchParams } from "@/server/domain/reports/passes-summary/schemas";
import { csvResponse, errorResponse, exportContext } from "./csv-response";

/**
 * GET /api/reports/passes-summary.csv?planId=…&state=…: the Passes Summary as a CSV file, for
 * a signed-in user holding reports.read. The filters are those of the page (same schema). The
 * export is audited before the first byte; rows stream in keyset batches as the client reads.
 */
export async function passesSummaryCsvResponse(actor: UserActor | null, req: Request, db = getDatabase().db): Promise<Response> {
  const ctx = await exportContext(actor, req, db, "reports.read", "passes-summary.csv");
  if (ctx instanceof Response) return ctx;
  const filters = filtersFromSearchParams(new URL(req.url).searchParams);
  if (!filters.success) return errorResponse(filters.error);
  await recordAudit(ctx, { action: "report.exported", entityType: "report", after: { report: "passes-summary", format: "csv", filters: filters.data } });
  return csvResponse(passesSummaryCsv(ctx, filters.data), passesSummaryFileName());
}
