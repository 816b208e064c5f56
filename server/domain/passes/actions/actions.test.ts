import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, passes } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { refusal } from "../../contacts/test-fixtures";
import { verifyPin } from "../codes/pin";
import { testPass, testPlan } from "../test-fixtures";
import { createCustomField } from "../../network/custom-fields";
import { activatePass } from "./activate";
import { cancelPass } from "./cancel";
import { setPassCustomFields } from "./custom-fields";
import { changePassExpiry } from "./expiry";
import { resetPassPin, setPassPin } from "./pin";
import { changePassValue } from "./value";

testDatabase();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const variablePrinted = { distribution: "PRINTED", valueMode: "FIXED", fixedValueMinor: null, minValueMinor: 1000, maxValueMinor: 5000 } as const;

async function stored(passId: string) {
  const ctx = await contextAs("support");
  const [row] = await ctx.db.select().from(passes).where(eq(passes.id, passId));
  return row!;
}

async function trail(passId: string) {
  const ctx = await contextAs("admin");
  const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "pass"), eq(auditLog.entityId, passId))).orderBy(auditLog.at);
  const events = await ctx.db.select().from(domainEvents).where(and(eq(domainEvents.entityType, "pass"), eq(domainEvents.entityId, passId))).orderBy(domainEvents.seq);
  return { actions: audit.map((a) => a.action), events: events.map((e) => e.type), audit, eventRows: events };
}

describe("activate a pass", () => {
  it("turns a DRAFT pass ACTIVE, audited and announced without its code", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { distribution: "PRINTED" });
    const { pass, code } = await testPass(ctx, plan, { state: "DRAFT" });
    const after = await activatePass(ctx, { passId: pass.id });
    expect(after).toMatchObject({ state: "ACTIVE", initialValueMinor: 2500, remainingValueMinor: 2500, codeMask: pass.codeMask });
    expect(after).not.toHaveProperty("codeHash");
    expect((await stored(pass.id)).activatedAt).toBeInstanceOf(Date);
    const { actions, events, audit, eventRows } = await trail(pass.id);
    expect(actions).toEqual(["pass.activated"]);
    expect(events).toEqual(["pass.activated"]);
    expect(JSON.stringify([audit, eventRows])).not.toContain(code);
  });

  it("sets a printed variable pass's value at sale, inside the plan's range, and requires it", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { ...variablePrinted, valueMode: "VARIABLE" });
    const { pass } = await testPass(ctx, plan, { state: "DRAFT", valueMinor: null });
    expect((await refusal(activatePass(ctx, { passId: pass.id }))).details).toMatchObject({ fieldErrors: { valueMinor: ["Enter the value of the pass."] } });
    expect((await refusal(activatePass(ctx, { passId: pass.id, valueMinor: 999 }))).code).toBe("VALIDATION_FAILED");
    expect((await refusal(activatePass(ctx, { passId: pass.id, valueMinor: 5001 }))).code).toBe("VALIDATION_FAILED");
    expect(await activatePass(ctx, { passId: pass.id, valueMinor: 4200 })).toMatchObject({ state: "ACTIVE", initialValueMinor: 4200, remainingValueMinor: 4200 });
  });

  it("refuses a value for a fixed-value pass that differs from the plan's", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { distribution: "PRINTED" });
    const { pass } = await testPass(ctx, plan, { state: "DRAFT" });
    expect((await refusal(activatePass(ctx, { passId: pass.id, valueMinor: 100 }))).code).toBe("VALIDATION_FAILED");
  });

  it("refuses every state but DRAFT, and an expired draft", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    for (const state of ["ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"] as const) {
      const { pass } = await testPass(ctx, plan);
      await ctx.db.update(passes).set({ state }).where(eq(passes.id, pass.id));
      const err = await refusal(activatePass(ctx, { passId: pass.id }));
      expect(err.code).toBe("INVALID_STATE");
      expect(err.message).toBe(`A ${state.toLowerCase()} pass cannot be activated.`);
    }
    const { pass } = await testPass(ctx, plan, { state: "DRAFT", expiresAt: inDays(-1) });
    expect((await refusal(activatePass(ctx, { passId: pass.id }))).code).toBe("PASS_EXPIRED");
  });

  it("answers NOT_FOUND for an unknown pass", async () => {
    const ctx = await contextAs("support");
    expect((await refusal(cancelPass(ctx, { passId: "01900000-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });
});

describe("cancel a pass", () => {
  it("cancels DRAFT and ACTIVE passes with the reason in the audit entry", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    for (const state of ["DRAFT", "ACTIVE"] as const) {
      const { pass } = await testPass(ctx, plan, { state });
      expect(await cancelPass(ctx, { passId: pass.id, reason: "lost" })).toMatchObject({ state: "CANCELLED" });
      const { audit, events } = await trail(pass.id);
      expect(audit[0]).toMatchObject({ action: "pass.cancelled", before: { state }, after: { state: "CANCELLED", reason: "lost" } });
      expect(events).toEqual(["pass.cancelled"]);
      expect((await stored(pass.id)).cancelledAt).toBeInstanceOf(Date);
    }
  });

  it("refuses REDEEMED, CANCELLED and EXPIRED passes", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    for (const state of ["REDEEMED", "CANCELLED", "EXPIRED"] as const) {
      const { pass } = await testPass(ctx, plan);
      await ctx.db.update(passes).set({ state }).where(eq(passes.id, pass.id));
      expect((await refusal(cancelPass(ctx, { passId: pass.id }))).code).toBe("INVALID_STATE");
    }
  });
});

describe("change a pass's expiry", () => {
  it("moves it to a future date or removes it", async () => {
    const ctx = await contextAs("support");
    const { pass } = await testPass(ctx, await testPlan(ctx), { expiresAt: inDays(3) });
    const later = inDays(90);
    expect((await changePassExpiry(ctx, { passId: pass.id, expiresAt: later })).expiresAt).toEqual(later);
    expect((await changePassExpiry(ctx, { passId: pass.id, expiresAt: null })).expiresAt).toBeNull();
    expect((await trail(pass.id)).actions).toEqual(["pass.expiry_changed", "pass.expiry_changed"]);
  });

  it("refuses a date in the past, and passes that are no longer live", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    const { pass } = await testPass(ctx, plan);
    expect((await refusal(changePassExpiry(ctx, { passId: pass.id, expiresAt: inDays(-1) }))).details).toMatchObject({
      fieldErrors: { expiresAt: ["The expiry must be in the future."] },
    });
    for (const state of ["REDEEMED", "CANCELLED", "EXPIRED"] as const) {
      const { pass: other } = await testPass(ctx, plan);
      await ctx.db.update(passes).set({ state }).where(eq(passes.id, other.id));
      expect((await refusal(changePassExpiry(ctx, { passId: other.id, expiresAt: inDays(5) }))).code).toBe("INVALID_STATE");
    }
  });
});

describe("change a pass's initial value", () => {
  it("changes a variable pass's value within range before any use; the remaining value follows", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { ...variablePrinted, valueMode: "VARIABLE", distribution: "ELECTRONIC" });
    const { pass } = await testPass(ctx, plan, { valueMinor: 2000 });
    expect(await changePassValue(ctx, { passId: pass.id, valueMinor: 3000 })).toMatchObject({ initialValueMinor: 3000, remainingValueMinor: 3000 });
    expect((await refusal(changePassValue(ctx, { passId: pass.id, valueMinor: 6000 }))).code).toBe("VALIDATION_FAILED");
    expect((await trail(pass.id)).audit[0]).toMatchObject({ before: { initialValueMinor: 2000 }, after: { initialValueMinor: 3000 } });
  });

  it("refuses after a use, on fixed and promotion plans, and on passes that are not live", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { ...variablePrinted, valueMode: "VARIABLE", usage: "MULTIPLE", maxUses: 3 });
    const { pass: used } = await testPass(ctx, plan, { valueMinor: 2000 });
    await ctx.db.update(passes).set({ usesCount: 1, remainingValueMinor: 1000 }).where(eq(passes.id, used.id));
    expect((await refusal(changePassValue(ctx, { passId: used.id, valueMinor: 3000 }))).code).toBe("INVALID_STATE");
    const { pass: fixed } = await testPass(ctx, await testPlan(ctx));
    expect((await refusal(changePassValue(ctx, { passId: fixed.id, valueMinor: 3000 }))).message).toBe("The plan's passes have a fixed value.");
    const { pass: promo } = await testPass(ctx, await testPlan(ctx, { type: "PROMOTION" }));
    expect((await refusal(changePassValue(ctx, { passId: promo.id, valueMinor: 3000 }))).message).toBe("Promotion passes carry no value.");
    const { pass: cancelled } = await testPass(ctx, plan, { valueMinor: 2000 });
    await cancelPass(ctx, { passId: cancelled.id });
    expect((await refusal(changePassValue(ctx, { passId: cancelled.id, valueMinor: 3000 }))).code).toBe("INVALID_STATE");
  });
});

describe("PIN", () => {
  it("stores only a hash of a set PIN; a reset returns a new one once", async () => {
    const ctx = await contextAs("support");
    const { pass } = await testPass(ctx, await testPlan(ctx));
    expect(await setPassPin(ctx, { passId: pass.id, pin: "4821" })).toMatchObject({ hasPin: true });
    const row = await stored(pass.id);
    expect(row.pinHash).not.toContain("4821");
    expect(verifyPin(pass.id, "4821", row.pinHash!)).toBe(true);
    const { pin } = await resetPassPin(ctx, { passId: pass.id, length: 6 });
    expect(pin).toMatch(/^\d{6}$/);
    const reset = await stored(pass.id);
    expect(verifyPin(pass.id, pin, reset.pinHash!)).toBe(true);
    expect(verifyPin(pass.id, "4821", reset.pinHash!)).toBe(false);
    const { actions, audit } = await trail(pass.id);
    expect(actions).toEqual(["pass.pin_set", "pass.pin_reset"]);
    expect(JSON.stringify(audit)).not.toContain(pin);
  });

  it("refuses PINs on promotion passes and on passes that are not live", async () => {
    const ctx = await contextAs("support");
    const { pass: promo } = await testPass(ctx, await testPlan(ctx, { type: "PROMOTION" }));
    expect((await refusal(setPassPin(ctx, { passId: promo.id, pin: "1234" }))).message).toBe("Promotion passes have no PIN.");
    const { pass } = await testPass(ctx, await testPlan(ctx));
    await cancelPass(ctx, { passId: pass.id });
    expect((await refusal(resetPassPin(ctx, { passId: pass.id, length: 4 }))).code).toBe("INVALID_STATE");
  });
});

describe("custom fields of a pass", () => {
  it("validates values against the pass definitions, keeps inherited values and removes blanked ones", async () => {
    const admin = await contextAs("admin");
    const key = `batch${Date.now().toString(36)}`;
    await createCustomField(admin, { entity: "pass", key, label: "Batch", type: "number", options: [], required: false });
    const ctx = await contextAs("support");
    const { pass } = await testPass(ctx, await testPlan(ctx, { customFields: { inherited: "yes" } }));
    expect((await setPassCustomFields(ctx, { passId: pass.id, customFields: { [key]: 7 } })).customFields).toEqual({ inherited: "yes", [key]: 7 });
    expect((await refusal(setPassCustomFields(ctx, { passId: pass.id, customFields: { [key]: "seven" } }))).details).toMatchObject({ fieldErrors: { [`customFields.${key}`]: ["Batch: Enter a number."] } });
    expect((await refusal(setPassCustomFields(ctx, { passId: pass.id, customFields: { unknownField: 1 } }))).message).toBe('There is no pass field "unknownField".');
    expect((await setPassCustomFields(ctx, { passId: pass.id, customFields: { [key]: "" } })).customFields).toEqual({ inherited: "yes" });
    expect((await trail(pass.id)).actions).toEqual(["pass.custom_fields_changed", "pass.custom_fields_changed"]);
    await cancelPass(ctx, { passId: pass.id });
    expect((await refusal(setPassCustomFields(ctx, { passId: pass.id, customFields: { [key]: 1 } }))).code).toBe("INVALID_STATE");
  });
});
