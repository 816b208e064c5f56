import { getDatabase } from "@/db";
import type { UserActor } from "@/server/auth/session";
import { recordAudit } from "@/server/domain/audit/record";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { can } from "@/server/domain/users/permissions";
import { requireWallet } from "@/server/domain/wallet/read/credit-lots";
import { statementFiltersFromSearchParams } from "@/server/domain/wallet/read/schemas";
import { walletStatementCsv, walletStatementFileName } from "@/server/domain/wallet/read/statement-csv";
import { errorResult } from "./envelope";

const capability = "wallets.read";

const errorResponse = (err: unknown) => {
  const result = errorResult(err);
  return Response.json(result.body, { status: result.status });
};

/**
 * GET /api/wallets/:walletId/statement.csv?kind=…&from=…&to=…: a wallet's statement as a CSV
 * file for a signed-in user holding wallets.read, with the page's filters. The wallet is checked
 * and the export audited before the first byte; lines stream in keyset batches as the client
 * reads.
 */
export async function walletStatementCsvResponse(actor: UserActor | null, walletId: string, req: Request, db = getDatabase().db): Promise<Response> {
  if (!actor) return errorResponse(new DomainError("UNAUTHENTICATED", "Please sign in."));
  const ctx: DomainContext = {
    db,
    actor,
    origin: { ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: req.headers.get("user-agent") },
  };
  if (!can(actor.role, capability)) {
    await recordAudit(ctx, { action: "access.forbidden", entityType: "route", after: { route: "wallet-statement.csv", capability, role: actor.role } });
    return errorResponse(new DomainError("FORBIDDEN", "Your role does not allow this."));
  }
  const filters = statementFiltersFromSearchParams(walletId, new URL(req.url).searchParams);
  if (!filters.success) return errorResponse(filters.error);
  let wallet;
  try {
    wallet = await requireWallet(ctx, filters.data.walletId);
  } catch (err) {
    return errorResponse(err);
  }
  await recordAudit(ctx, { action: "wallet.statement_exported", entityType: "wallet", entityId: wallet.id, after: { format: "csv", filters: filters.data } });

  const chunks = walletStatementCsv(ctx, filters.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error("Wallet statement export failed", err);
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
      "content-disposition": `attachment; filename="${walletStatementFileName(wallet.currency)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
