import { getDatabase } from "@/db";
import type { UserActor } from "@/server/auth/session";
import { recordAudit } from "@/server/domain/audit/record";
import { requireWallet } from "@/server/domain/wallet/read/credit-lots";
import { statementFiltersFromSearchParams } from "@/server/domain/wallet/read/schemas";
import { walletStatementCsv, walletStatementFileName } from "@/server/domain/wallet/read/statement-csv";
import { csvResponse, errorResponse, exportContext } from "./csv-response";

/**
 * GET /api/wallets/:walletId/statement.csv?kind=…&from=…&to=…: a wallet's statement as a CSV
 * file for a signed-in user holding wallets.read, with the page's filters. The wallet is checked
 * and the export audited before the first byte; lines stream in keyset batches as the client
 * reads.
 */
export async function walletStatementCsvResponse(actor: UserActor | null, walletId: string, req: Request, db = getDatabase().db): Promise<Response> {
  const ctx = await exportContext(actor, req, db, "wallets.read", "wallet-statement.csv");
  if (ctx instanceof Response) return ctx;
  const filters = statementFiltersFromSearchParams(walletId, new URL(req.url).searchParams);
  if (!filters.success) return errorResponse(filters.error);
  let wallet;
  try {
    wallet = await requireWallet(ctx, filters.data.walletId);
  } catch (err) {
    return errorResponse(err);
  }
  await recordAudit(ctx, { action: "wallet.statement_exported", entityType: "wallet", entityId: wallet.id, after: { format: "csv", filters: filters.data } });
  return csvResponse(walletStatementCsv(ctx, filters.data), walletStatementFileName(wallet.currency));
}
