import { getDatabase } from "@/db";
import type { UserActor } from "@/server/auth/session";
import { recordAudit } from "@/server/domain/audit/record";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { passesSummaryCsv, passesSummaryFileName } from "@/server/domain/reports/passes-summary/csv";
import { filtersFromSearchParams } from "@/server/domain/reports/passes-summary/schemas";
import { can } from "@/server/domain/users/permissions";
import { errorResult } from "./envelope";

const capability = "reports.read";

const errorResponse = (err: unknown) => {
  const result = errorResult(err);
  return Response.json(result.body, { status: result.status });
};

/**
 * GET /api/reports/passes-summary.csv?planId=…&state=…: the Passes Summary as a CSV file, for
 * a signed-in user holding reports.read. The filters are those of the page (same schema). The
 * export is audited before the first byte; rows stream in keyset batches as the client reads
 * (pull-based, so a slow download never piles rows up in memory).
 */
export async function passesSummaryCsvResponse(actor: UserActor | null, req: Request, db = getDatabase().db): Promise<Response> {
  if (!actor) return errorResponse(new DomainError("UNAUTHENTICATED", "Please sign in."));
  const ctx: DomainContext = {
    db,
    actor,
    origin: { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") },
  };
  if (!can(actor.role, capability)) {
    await recordAudit(ctx, { action: "access.forbidden", entityType: "route", after: { route: "passes-summary.csv", capability, role: actor.role } });
    return errorResponse(new DomainError("FORBIDDEN", "Your role does not allow this."));
  }
  const filters = filtersFromSearchParams(new URL(req.url).searchParams);
  if (!filters.success) return errorResponse(filters.error);
  await recordAudit(ctx, { action: "report.exported", entityType: "report", after: { report: "passes-summary", format: "csv", filters: filters.data } });

  const chunks = passesSummaryCsv(ctx, filters.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error("Passes Summary export failed", err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${passesSummaryFileName()}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
