import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, lots, passPlans } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact } from "../../contacts/create";
import { hashCode } from "../codes/secrecy";
import { issueElectronicPass } from "./issue-electronic";
import { issueElectronicPassSchema } from "./schemas";
import { codeIn, electronicPlan, openedMessagesOf, storedPass } from "./test-helpers";

testDatabase();

const email = () => `${unique("gift")}@example.com`;
const issue = (ctx: Awaited<ReturnType<typeof contextAs>>, input: Record<string, unknown>) => issueElectronicPass(ctx, issueElectronicPassSchema.parse(input));

describe("issueElectronicPass", () => {
  it("issues an ACTIVE pass into the plan's on-demand lot and queues the template with its code", async () => {
    const ctx = await contextAs("support");
    const plan = await electronicPlan(ctx);
    const to = email();
    const issued = await issue(ctx, { planId: plan.id, recipient: { email: to, name: "Ann" }, valueMinor: 4_200 });

    expect(issued).toMatchObject({ state: "ACTIVE", initialValueMinor: 4_200, remainingValueMinor: 4_200, currency: "EUR", recipientEmail: to, recipientName: "Ann" });
    expect(issued.messages).toEqual([{ id: expect.any(String), channel: "EMAIL", to }]);
    expect(JSON.stringify(issued)).not.toMatch(/codeHash|codeCiphertext/);
    const days = (issued.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    const pass = await storedPass(ctx, issued.passId);
    const [lot] = await ctx.db.select().from(lots).where(eq(lots.id, pass.lotId));
    expect(lot).toMatchObject({ kind: "ON_DEMAND", planId: plan.id });
    const [after] = await ctx.db.select().from(passPlans).where(eq(passPlans.id, plan.id));
    expect(after!.issuedCount).toBe(1);

    const [message] = await openedMessagesOf(ctx, pass.id);
    expect(message).toMatchObject({ purpose: "PASS_DELIVERY", status: "QUEUED", recipient: to });
    expect(message!.content.subject).toBe("A gift for Ann");
    expect(message!.content.body).toContain("€42.00");
    const code = codeIn(message!.content.body);
    expect(hashCode(code)).toBe(pass.codeHash);
    expect(issued.codeMask.endsWith(code.slice(-4))).toBe(true);

    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, pass.id), eq(auditLog.action, "pass.issued")));
    const events = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, pass.id));
    expect(audit).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(["pass.issued"]);
    expect(JSON.stringify([audit, events, issued])).not.toContain(code);
  });

  it("keeps issuing into the same on-demand lot", async () => {
    const ctx = await contextAs("support");
    const plan = await electronicPlan(ctx);
    const first = await issue(ctx, { planId: plan.id, recipient: { email: email() }, valueMinor: 1_000 });
    const second = await issue(ctx, { planId: plan.id, recipient: { email: email() }, valueMinor: 1_000 });
    expect((await storedPass(ctx, first.passId)).lotId).toBe((await storedPass(ctx, second.passId)).lotId);
    expect(await ctx.db.select().from(lots).where(eq(lots.planId, plan.id))).toHaveLength(1);
  });

  it("refuses a value outside a variable plan's range, a missing one, and a different fixed value", async () => {
    const ctx = await contextAs("support");
    const variable = await electronicPlan(ctx);
    const fixed = await electronicPlan(ctx, { valueMode: "FIXED", fixedValueMinor: 2_500, minValueMinor: null, maxValueMinor: null });
    const field = (f: string) => ({ code: "VALIDATION_FAILED", details: { fieldErrors: { [f]: [expect.any(String)] } } });
    await expect(issue(ctx, { planId: variable.id, recipient: { email: email() }, valueMinor: 999 })).rejects.toMatchObject(field("valueMinor"));
    await expect(issue(ctx, { planId: variable.id, recipient: { email: email() }, valueMinor: 10_001 })).rejects.toMatchObject(field("valueMinor"));
    await expect(issue(ctx, { planId: variable.id, recipient: { email: email() } })).rejects.toMatchObject(field("valueMinor"));
    await expect(issue(ctx, { planId: fixed.id, recipient: { email: email() }, valueMinor: 3_000 })).rejects.toMatchObject(field("valueMinor"));
    expect(await issue(ctx, { planId: fixed.id, recipient: { email: email() } })).toMatchObject({ initialValueMinor: 2_500 });
    expect(await issue(ctx, { planId: variable.id, recipient: { email: email() }, valueMinor: 10_000 })).toMatchObject({ initialValueMinor: 10_000 });
    const [after] = await ctx.db.select().from(passPlans).where(eq(passPlans.id, variable.id));
    expect(after!.issuedCount).toBe(1);
  });

  it("issues only from an ACTIVE electronic plan", async () => {
    const ctx = await contextAs("support");
    const recipient = { email: email() };
    for (const state of ["DRAFT", "INACTIVE"] as const) {
      const plan = await electronicPlan(ctx, { state });
      await expect(issue(ctx, { planId: plan.id, recipient, valueMinor: 1_000 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    }
    const printed = await electronicPlan(ctx, { distribution: "PRINTED", communicationTemplate: null, quantity: 10 });
    await expect(issue(ctx, { planId: printed.id, recipient, valueMinor: 1_000 })).rejects.toMatchObject({ code: "BUSINESS_RULE" });
    await expect(issue(ctx, { planId: "0190f5c2-0000-7000-8000-000000000000", recipient })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stops at the plan's maximum number of passes", async () => {
    const ctx = await contextAs("support");
    const plan = await electronicPlan(ctx, { maxPasses: 1 });
    await issue(ctx, { planId: plan.id, recipient: { email: email() }, valueMinor: 1_000 });
    await expect(issue(ctx, { planId: plan.id, recipient: { email: email() }, valueMinor: 1_000 })).rejects.toMatchObject({ code: "BUSINESS_RULE", message: expect.stringContaining("maximum of 1") });
    const [after] = await ctx.db.select().from(passPlans).where(eq(passPlans.id, plan.id));
    expect(after!.issuedCount).toBe(1);
  });

  it("requires somewhere to send the pass, on a channel of the plan", async () => {
    const ctx = await contextAs("support");
    const plan = await electronicPlan(ctx);
    await expect(issue(ctx, { planId: plan.id, valueMinor: 1_000 })).rejects.toMatchObject({ details: { fieldErrors: { recipient: [expect.any(String)] } } });
    const smsOnly = await electronicPlan(ctx, { communicationTemplate: { channels: ["SMS"], smsBody: "code {{code}}" } });
    await expect(issue(ctx, { planId: smsOnly.id, recipient: { email: email() }, valueMinor: 1_000 })).rejects.toMatchObject({
      details: { fieldErrors: { "recipient.phone": [expect.any(String)] } },
    });
    expect(() => issueElectronicPassSchema.parse({ planId: plan.id, recipient: { email: "not-an-email" } })).toThrow("valid email");
  });

  it("sends on each channel the recipient can be reached on, using a contact's identities", async () => {
    const ctx = await contextAs("support");
    const plan = await electronicPlan(ctx);
    const phoneOnly = await issue(ctx, { planId: plan.id, recipient: { phone: "+44 7700 900123" }, valueMinor: 1_000 });
    expect(phoneOnly.messages.map((m) => [m.channel, m.to])).toEqual([["SMS", "+447700900123"]]);

    const contactEmail = email();
    const contact = await createContact(ctx, { email: contactEmail, phone: `+3361${Math.floor(1e6 + Math.random() * 8e6)}`, firstName: "Bo", lastName: "Li" });
    const forContact = await issue(ctx, { planId: plan.id, contactId: contact.id, valueMinor: 1_000 });
    expect(forContact.contactId).toBe(contact.id);
    expect(forContact.messages.map((m) => m.channel)).toEqual(["EMAIL", "SMS"]);
    expect(forContact.messages[0]!.to).toBe(contactEmail);
    const [mail] = await openedMessagesOf(ctx, forContact.passId);
    expect(mail!.contactId).toBe(contact.id);
    expect(mail!.content.subject).toBe("A gift for Bo Li");
  });

  it("issues promotion passes without a value, and refuses a single-code promotion", async () => {
    const ctx = await contextAs("support");
    const template = { channels: ["SMS" as const], smsBody: "Your code {{code}}" };
    const unique = await electronicPlan(ctx, { type: "PROMOTION", promotionCodeMode: "UNIQUE", communicationTemplate: template });
    expect(await issue(ctx, { planId: unique.id, recipient: { phone: "+447700900124" } })).toMatchObject({ initialValueMinor: null, currency: null });
    const single = await electronicPlan(ctx, { type: "PROMOTION", promotionCodeMode: "SINGLE", communicationTemplate: template });
    await expect(issue(ctx, { planId: single.id, recipient: { phone: "+447700900124" } })).rejects.toMatchObject({ code: "BUSINESS_RULE" });
  });
});
