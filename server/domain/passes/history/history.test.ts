import { describe, expect, it } from "vitest";
import { contextAs, testDatabase } from "@/test/db";
import { refusal } from "../../contacts/test-fixtures";
import { activatePass } from "../actions/activate";
import { cancelPass } from "../actions/cancel";
import { changePassExpiry } from "../actions/expiry";
import { setPassPin } from "../actions/pin";
import { checkRedemption } from "../redeem/check";
import { redeemPass } from "../redeem/redeem";
import { testPass, testPlan } from "../test-fixtures";
import { getPassDetail } from "./detail";
import { passTimeline } from "./timeline";

testDatabase();

describe("pass history", () => {
  it("tells a pass's life from events and audit, with who did what and no code", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { distribution: "PRINTED", usage: "MULTIPLE", maxUses: 2 });
    const { pass, code } = await testPass(ctx, plan, { state: "DRAFT" });
    await activatePass(ctx, { passId: pass.id });
    const later = new Date(Date.now() + 30 * 86_400_000);
    await changePassExpiry(ctx, { passId: pass.id, expiresAt: later });
    await redeemPass(ctx, { code, amountMinor: 1000, terminalId: "T-9" });
    await setPassPin(ctx, { passId: pass.id, pin: "9999" });
    await refusal(checkRedemption(ctx, { code, pin: "1234" }));
    await cancelPass(ctx, { passId: pass.id, reason: "customer asked" });

    const timeline = await passTimeline(ctx, { passId: pass.id });
    expect(timeline.map((e) => e.action)).toEqual([
      "pass.activated",
      "pass.expiry_changed",
      "pass.redeemed",
      "pass.pin_set",
      "pass.redemption_failed",
      "pass.cancelled",
    ]);
    expect(timeline[0]).toMatchObject({ actorLabel: ctx.actor.label, facts: { valueAfter: 2500, currency: "EUR" } });
    expect(timeline[1]!.facts.expiresAtAfter).toBe(later.toISOString());
    expect(timeline[2]!.facts).toMatchObject({ amountMinor: 1000, currency: "EUR", terminalId: "T-9" });
    expect(timeline[4]!.facts).toMatchObject({ reason: "WRONG_PIN" });
    expect(timeline[5]!.facts).toMatchObject({ reason: "customer asked" });
    expect(JSON.stringify(timeline)).not.toContain(code);
  });

  it("shows the pass with its plan, lot, values and uses, and never its code or hashes", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    const { pass, code } = await testPass(ctx, plan, { recipientEmail: "ann@example.com" });
    const detail = await getPassDetail(ctx, { passId: pass.id });
    expect(detail).toMatchObject({
      passId: pass.id,
      codeMask: pass.codeMask,
      state: "ACTIVE",
      plan: { id: plan.id, name: plan.name, type: "GIFT" },
      lot: { kind: "ON_DEMAND" },
      recipient: { email: "ann@example.com" },
      remainingValueMinor: 2500,
      usesCount: 0,
      maxUses: 1,
    });
    const text = JSON.stringify(detail);
    expect(text).not.toContain(code);
    expect(text).not.toContain(pass.codeHash);
    expect((await refusal(passTimeline(ctx, { passId: "01900000-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });
});
