import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { updatePass } from "../actions/pass-row";
import { testPass } from "../test-fixtures";
import { issueElectronicPass } from "./issue-electronic";
import { resendEgift } from "./resend";
import { resendEgiftSchema } from "./schemas";
import { codeIn, electronicPlan, openedMessagesOf, storedPass } from "./test-helpers";

testDatabase();

async function issuedEgift() {
  const ctx = await contextAs("support");
  const plan = await electronicPlan(ctx, { communicationTemplate: { channels: ["EMAIL"], emailSubject: "Gift", emailBody: "Your code {{code}} for {{name}}" } });
  const to = `${unique("egift")}@example.com`;
  const issued = await issueElectronicPass(ctx, { planId: plan.id, recipient: { email: to, name: "Ann" }, valueMinor: 2_000 });
  return { ctx, plan, to, passId: issued.passId };
}

describe("resendEgift", () => {
  it("sends the same code again to the original recipient, logged as a re-send", async () => {
    const { ctx, to, passId } = await issuedEgift();
    const resent = await resendEgift(ctx, { passId });
    expect(resent.messages).toEqual([{ id: expect.any(String), channel: "EMAIL", to }]);
    const [delivery, resend] = await openedMessagesOf(ctx, passId);
    expect(delivery!.purpose).toBe("PASS_DELIVERY");
    expect(resend).toMatchObject({ purpose: "PASS_RESEND", recipient: to, status: "QUEUED" });
    expect(codeIn(resend!.content.body)).toBe(codeIn(delivery!.content.body));
    const events = await ctx.db.select().from(domainEvents).where(and(eq(domainEvents.entityId, passId), eq(domainEvents.type, "pass.resent")));
    expect(events[0]!.payload).toMatchObject({ recipientCorrected: false, channels: ["EMAIL"] });
    expect(JSON.stringify(events)).not.toContain(codeIn(delivery!.content.body));
  });

  it("sends to a corrected recipient, stored on the pass and audited", async () => {
    const { ctx, to, passId } = await issuedEgift();
    const corrected = `${unique("fixed")}@example.com`;
    await resendEgift(ctx, resendEgiftSchema.parse({ passId, recipient: { email: corrected.toUpperCase(), name: "Anne" } }));
    expect(await storedPass(ctx, passId)).toMatchObject({ recipientEmail: corrected, recipientName: "Anne" });
    const messages = await openedMessagesOf(ctx, passId);
    expect(messages.at(-1)).toMatchObject({ recipient: corrected, content: { body: expect.stringContaining("for Anne") } });
    const [entry] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, passId), eq(auditLog.action, "pass.resent")));
    expect(entry!.after).toMatchObject({ recipientCorrected: true, recipientBefore: { email: to, name: "Ann" }, recipientAfter: { email: corrected, name: "Anne" } });
    expect(entry!.actorId).toBe(ctx.actor.id);
  });

  it("allows at most 3 re-sends per pass per hour", async () => {
    const { ctx, passId } = await issuedEgift();
    for (let i = 0; i < 3; i++) await resendEgift(ctx, { passId });
    await expect(resendEgift(ctx, { passId })).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", httpStatus: 429 });
    expect((await openedMessagesOf(ctx, passId)).filter((m) => m.purpose === "PASS_RESEND")).toHaveLength(3);
    const other = await issuedEgift();
    await expect(resendEgift(other.ctx, { passId: other.passId })).resolves.toBeDefined();
  });

  it("re-sends only ACTIVE electronic passes", async () => {
    const { ctx, passId } = await issuedEgift();
    await updatePass(ctx, passId, { state: "CANCELLED", cancelledAt: new Date() });
    await expect(resendEgift(ctx, { passId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const printed = await electronicPlan(ctx, { distribution: "PRINTED", communicationTemplate: null });
    const { pass } = await testPass(ctx, printed);
    await expect(resendEgift(ctx, { passId: pass.id })).rejects.toMatchObject({ code: "BUSINESS_RULE" });
    await expect(resendEgift(ctx, { passId: "0190f5c2-0000-7000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
