import { getSessionActor } from "@/server/auth/session";
import { passesSummaryCsvResponse } from "@/server/rest/passes-summary-csv";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return passesSummaryCsvResponse(await getSessionActor(), req);
}
