import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { UserActor } from "@/server/auth/session";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { passesSummaryCsvResponse } from "./passes-summary-csv";

testDatabase();

const request = (query: string) => new Request(`http://localhost/api/reports/passes-summary.csv?${query}`, { headers: { "user-agent": "vitest" } });

async function actorOf(role: Role): Promise<UserActor> {
  return (await contextAs(role)).actor as UserActor;
}

async function auditOf(actor: UserActor, action: string) {
  const ctx = await contextAs("admin");
  return ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, actor.id), eq(auditLog.action, action)));
}

describe("GET /api/reports/passes-summary.csv", () => {
  it("streams the filtered report as a dated CSV attachment to finance, and audits the export", async () => {
    const ctx = await contextAs("marketing");
    const plan = await testPlan(ctx);
    await Promise.all([1, 2, 3].map(() => testPass(ctx, plan)));
    const finance = await actorOf("finance");
    const res = await passesSummaryCsvResponse(finance, request(`planId=${plan.id}&state=ACTIVE&from=&organisationId=`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="passes-summary-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^pass_id,code,plan,type,state,/);
    expect(lines).toHaveLength(4);
    const [entry] = await auditOf(finance, "report.exported");
    expect(entry).toMatchObject({ entityType: "report", userAgent: "vitest", after: { report: "passes-summary", format: "csv", filters: { planId: plan.id, state: "ACTIVE", dateField: "issued" } } });
  });

  it("answers 401 when signed out, 403 (audited) to roles without reports.read, and 400 to bad filters", async () => {
    expect((await passesSummaryCsvResponse(null, request(""))).status).toBe(401);
    const support = await actorOf("support");
    const refused = await passesSummaryCsvResponse(support, request(""));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await auditOf(support, "access.forbidden")).toHaveLength(1);
    const finance = await actorOf("finance");
    for (const [query, field] of [["state=LOST", "state"], ["from=2021-02-01&to=2021-01-01", "to"]] as const) {
      const bad = await passesSummaryCsvResponse(finance, request(query));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { fieldErrors: { [field]: [expect.any(String)] } } } });
    }
  });
});
