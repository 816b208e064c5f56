import { getDatabase } from "@/db";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { claimLotDownload, lotCodesCsv } from "@/server/domain/passes/lots/printing-house/download";
import { errorResult } from "./envelope";

/**
 * GET /api/v1/lot-downloads/{token}: the printing house fetches a lot's codes once. The token in
 * the path is the credential (no API key); the CSV is decrypted and streamed page by page.
 */
export async function downloadLotCodes(req: Request, route: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await route.params;
  const ctx: DomainContext = {
    db: getDatabase().db,
    actor: systemActor("printing house"),
    origin: { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") },
  };
  let claimed;
  try {
    claimed = await claimLotDownload(ctx, { token });
  } catch (err) {
    const result = errorResult(err);
    return Response.json(result.body, { status: result.status });
  }
  const lines = lotCodesCsv(ctx, claimed.lotId);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${claimed.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
