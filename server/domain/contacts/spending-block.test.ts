import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { createApiKey } from "../api-keys/service";
import type { DomainContext } from "../context";
import { createContact } from "./create";
import { blockContactSpending, unblockContactSpending } from "./spending-block";
import { refusal, trailOf, uniqueEmail } from "./test-fixtures";

testDatabase();

describe("blocking spending", () => {
  it("blocks with a reason, storing who and when, and unblocks with a reason", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const before = Date.now();
    const blocked = await blockContactSpending(ctx, { contactId: contact.id, reason: "  Suspected card fraud " });
    expect(blocked).toMatchObject({
      spendingBlocked: true,
      spendingBlockedReason: "Suspected card fraud",
      spendingBlockedBy: ctx.actor.id,
      spendingBlockedByLabel: ctx.actor.label,
    });
    expect(blocked.spendingBlockedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const unblocked = await unblockContactSpending(ctx, { contactId: contact.id, reason: "Bank confirmed the card" });
    expect(unblocked).toMatchObject({ spendingBlocked: false, spendingBlockedReason: null, spendingBlockedAt: null, spendingBlockedBy: null });

    const trail = await trailOf(ctx, contact.id);
    expect(trail.actions).toEqual(["contact.created", "contact.spending_blocked", "contact.spending_unblocked"]);
    expect(trail.eventTypes).toEqual(trail.actions);
    expect(trail.audit[1]).toMatchObject({ before: { spendingBlocked: false }, after: { spendingBlocked: true, spendingBlockedReason: "Suspected card fraud" } });
    expect(trail.audit[2]).toMatchObject({ after: { spendingBlocked: false, reason: "Bank confirmed the card" } });
    expect(trail.events[1]!.payload).toEqual({ reason: "Suspected card fraud" });
  });

  it("requires a reason to block and to unblock", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const noReason = await refusal(blockContactSpending(ctx, { contactId: contact.id, reason: "   " }));
    expect(noReason.details).toEqual({ fieldErrors: { reason: ["Give a reason."] } });
    await blockContactSpending(ctx, { contactId: contact.id, reason: "Fraud" });
    const noUnblockReason = await refusal(unblockContactSpending(ctx, { contactId: contact.id, reason: "" }));
    expect(noUnblockReason.details).toEqual({ fieldErrors: { reason: ["Give a reason."] } });
    expect((await trailOf(ctx, contact.id)).actions).toEqual(["contact.created", "contact.spending_blocked"]);
  });

  it("refuses to block twice or to unblock a contact that is not blocked", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    expect((await refusal(unblockContactSpending(ctx, { contactId: contact.id, reason: "x" }))).code).toBe("INVALID_STATE");
    await blockContactSpending(ctx, { contactId: contact.id, reason: "Fraud" });
    expect((await refusal(blockContactSpending(ctx, { contactId: contact.id, reason: "Again" }))).code).toBe("INVALID_STATE");
  });

  it("names an API key that blocked, without a user id", async () => {
    const admin = await contextAs("admin");
    const { apiKey } = await createApiKey(admin, { name: "Fraud screening", scopes: ["contacts:write"] });
    const [key] = await admin.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    const ctx: DomainContext = { db: admin.db, actor: { type: "api_key", id: key!.id, label: key!.name, scopes: key!.scopes } };
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const blocked = await blockContactSpending(ctx, { contactId: contact.id, reason: "Velocity rule" });
    expect(blocked).toMatchObject({ spendingBlockedBy: null, spendingBlockedByLabel: "Fraud screening" });
  });
});
