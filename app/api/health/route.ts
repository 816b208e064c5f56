import { healthReport } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await healthReport();
  return Response.json(report.body, { status: report.ok ? 200 : 503 });
}
