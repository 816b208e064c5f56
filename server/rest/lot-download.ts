import { getDatabase } from "@/db";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { claimLotDownload, lotCodesCsv } from "@/server/domain/passes/lots/printing-house/download";
import { requestOrigin } from "@/server/request-origin";
import { csvResponse, errorResponse } from "./csv-response";

/**
 * GET /api/v1/lot-downloads/{token}: the printing house fetches a lot's codes once. The token in
 * the path is the credential (no API key); the CSV is decrypted and streamed page by page.
 */
export async function downloadLotCodes(req: Request, route: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await route.params;
  const ctx: DomainContext = { db: getDatabase().db, actor: systemActor("printing house"), origin: requestOrigin(req.headers) };
  let claimed;
  try {
    claimed = await claimLotDownload(ctx, { token });
  } catch (err) {
    return errorResponse(err);
  }
  return csvResponse(lotCodesCsv(ctx, claimed.lotId), claimed.fileName);
}
