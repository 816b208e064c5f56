import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { UserActor } from "@/server/auth/session";
import { createContact } from "@/server/domain/contacts/create";
import { uniqueEmail } from "@/server/domain/contacts/test-fixtures";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { testPass, testPlan } from "@/server/domain/passes/test-fixtures";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { walletStatementCsvResponse } from "./wallet-statement-csv";

testDatabase();

const request = (walletId: string, query = "") =>
  new Request(`http://localhost/api/wallets/${walletId}/statement.csv?${query}`, { headers: { "user-agent": "vitest" } });

async function actorOf(role: Role): Promise<UserActor> {
  return (await contextAs(role)).actor as UserActor;
}

async function walletWithTwoCredits() {
  const ctx = await contextAs("support");
  const contact = await createContact(ctx, { email: uniqueEmail() });
  let walletId = "";
  for (const amount of [1500, 250]) {
    const { code } = await testPass(ctx, await testPlan(ctx, { fixedValueMinor: amount }));
    walletId = (await redeemPass(ctx, { code, contactId: contact.id })).credit!.walletId;
  }
  return { ctx, walletId };
}

describe("GET /api/wallets/:walletId/statement.csv", () => {
  it("streams the statement with running balances to support as a dated attachment, and audits the export", async () => {
    const { ctx, walletId } = await walletWithTwoCredits();
    const support = await actorOf("support");
    const res = await walletStatementCsvResponse(support, walletId, request(walletId, "kind=PASS_REDEMPTION&from="));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="wallet-statement-EUR-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(",").slice(9, 12))).toEqual([
      ["15.00", "15.00", "15.00"],
      ["2.50", "17.50", "17.50"],
    ]);
    const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, support.id), eq(auditLog.action, "wallet.statement_exported")));
    expect(audits).toMatchObject([{ entityType: "wallet", entityId: walletId }]);
  });

  it("answers 401 signed out, 403 (audited) to marketing, 404 for an unknown wallet and 400 for a bad filter", async () => {
    const { walletId } = await walletWithTwoCredits();
    expect((await walletStatementCsvResponse(null, walletId, request(walletId))).status).toBe(401);
    const marketing = await actorOf("marketing");
    expect((await walletStatementCsvResponse(marketing, walletId, request(walletId))).status).toBe(403);
    const ctx = await contextAs("admin");
    expect(await ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, marketing.id), eq(auditLog.action, "access.forbidden")))).toHaveLength(1);
    const finance = await actorOf("finance");
    const unknown = "01900000-0000-7000-8000-000000000000";
    expect((await walletStatementCsvResponse(finance, unknown, request(unknown))).status).toBe(404);
    expect((await walletStatementCsvResponse(finance, walletId, request(walletId, "kind=NOPE"))).status).toBe(400);
    expect((await walletStatementCsvResponse(finance, "not-a-wallet", request("not-a-wallet"))).status).toBe(400);
  });
});
