import { getSessionActor } from "@/server/auth/session";
import { walletStatementCsvResponse } from "@/server/rest/wallet-statement-csv";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ walletId: string }> }) {
  return walletStatementCsvResponse(await getSessionActor(), (await params).walletId, req);
}
