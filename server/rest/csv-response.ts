import type { Db } from "@/db";
import type { UserActor } from "@/server/auth/session";
import { recordAudit } from "@/server/domain/audit/record";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { can, type Capability } from "@/server/domain/users/permissions";
import { requestOrigin } from "@/server/request-origin";
import { errorResult } from "./envelope";

export const errorResponse = (err: unknown) => {
  const result = errorResult(err);
  return Response.json(result.body, { status: result.status });
};

/**
 * The context of a back-office CSV export for the signed-in user, or the refusal to answer:
 * 401 without a session, 403 (audited) without the capability.
 */
export async function exportContext(actor: UserActor | null, req: Request, db: Db, capability: Capability, route: string): Promise<DomainContext | Response> {
  if (!actor) return errorResponse(new DomainError("UNAUTHENTICATED", "Please sign in."));
  const ctx: DomainContext = { db, actor, origin: requestOrigin(req.headers) };
  if (!can(actor.role, capability)) {
    await recordAudit(ctx, { action: "access.forbidden", entityType: "route", after: { route, capability, role: actor.role } });
    return errorResponse(new DomainError("FORBIDDEN", "Your role does not allow this."));
  }
  return ctx;
}

/**
 * A CSV download streamed from `chunks`, pulled as the client reads: a slow download never piles
 * rows up in memory, and a cancelled one stops the query.
 */
export function csvResponse(chunks: AsyncGenerator<string>, fileName: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error(`CSV export ${fileName} failed`, err);
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
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
