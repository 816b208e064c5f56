import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, messages, passes, passOtps, passRedemptions } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { createContact } from "../../contacts/create";
import { refusal, uniqueEmail, uniquePhone } from "../../contacts/test-fixtures";
import { openContent } from "../../messages/content";
import { hashPin } from "../codes/pin";
import { hashCode } from "../codes/secrecy";
import { testPass, testPlan } from "../test-fixtures";
import { checkRedemption } from "./check";
import { requestRedemptionOtp } from "./otp";
import { redeemPass } from "./redeem";

testDatabase();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function stored(passId: string) {
  const ctx = await contextAs("support");
  const [row] = await ctx.db.select().from(passes).where(eq(passes.id, passId));
  return row!;
}

describe("checkRedemption", () => {
  it("returns the validated pass and its value, by code or by hash, without using it", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    const check = await checkRedemption(ctx, { code });
    expect(check).toMatchObject({ pass: { passId: pass.id, codeMask: pass.codeMask, type: "GIFT" }, unlocks: { kind: "VALUE", amountMinor: 2500, currency: "EUR" } });
    expect(check.pass).not.toHaveProperty("codeHash");
    expect((await checkRedemption(ctx, { code: hashCode(code) })).pass.passId).toBe(pass.id);
    expect((await checkRedemption(ctx, { code: ` ${code.toLowerCase()} ` })).pass.passId).toBe(pass.id);
    expect((await stored(pass.id)).usesCount).toBe(0);
  });

  it("answers a wrong code and a wrong or missing PIN alike", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    await ctx.db.update(passes).set({ pinHash: hashPin(pass.id, "2468") }).where(eq(passes.id, pass.id));
    const wrongCode = await refusal(checkRedemption(ctx, { code: "NOSUCHCODE22" }));
    const wrongPin = await refusal(checkRedemption(ctx, { code, pin: "1111" }));
    const noPin = await refusal(checkRedemption(ctx, { code }));
    for (const err of [wrongCode, wrongPin, noPin]) {
      expect({ code: err.code, message: err.message, details: err.details }).toEqual({
        code: "INVALID_CREDENTIALS",
        message: "The code, PIN or one-time code is not valid.",
        details: undefined,
      });
    }
    expect((await checkRedemption(ctx, { code, pin: "2468" })).pass.hasPin).toBe(true);
  });

  it("refuses passes that are not ACTIVE, expired, or without a value, and logs the attempt on the pass", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx);
    const cases = [
      [{ state: "DRAFT" }, "PASS_NOT_ACTIVE", "The pass has not been activated yet."],
      [{ state: "REDEEMED" }, "PASS_NOT_ACTIVE", "The pass has already been redeemed."],
      [{ state: "CANCELLED" }, "PASS_NOT_ACTIVE", "The pass has been cancelled."],
      [{ state: "EXPIRED" }, "PASS_NOT_ACTIVE", "The pass has expired."],
      [{ expiresAt: inDays(-1) }, "PASS_EXPIRED", "The pass has expired."],
      [{ initialValueMinor: null, remainingValueMinor: null }, "BUSINESS_RULE", "The pass has no value yet: it gets one when it is sold and activated."],
    ] as const;
    for (const [change, errorCode, message] of cases) {
      const { pass, code } = await testPass(ctx, plan);
      await ctx.db.update(passes).set(change).where(eq(passes.id, pass.id));
      const err = await refusal(checkRedemption(ctx, { code }));
      expect([err.code, err.message]).toEqual([errorCode, message]);
      const [logged] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, pass.id), eq(auditLog.action, "pass.redemption_refused")));
      expect(logged?.after).toMatchObject({ reason: errorCode, codeMask: pass.codeMask });
    }
  });
});

describe("redeemPass", () => {
  it("uses a single-use gift pass once: records who and where, REDEEMED, event, and the credit to the contact's wallet", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    const result = await redeemPass(ctx, { code, contactId: contact.id, terminalId: "T-1" });
    expect(result).toMatchObject({
      pass: { state: "REDEEMED", usesCount: 1, remainingValueMinor: 0, contactId: contact.id },
      unlocked: { kind: "VALUE", amountMinor: 2500, currency: "EUR" },
      credit: { contactId: contact.id, creditedMinor: 2500, balances: { currency: "EUR", availableMinor: 2500, heldMinor: 0 } },
    });
    expect((await stored(pass.id)).redeemedAt).toBeInstanceOf(Date);
    const [redemption] = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id));
    expect(redemption).toMatchObject({ contactId: contact.id, amountMinor: 2500, currency: "EUR", terminalId: "T-1", actorType: "user", actorId: ctx.actor.id });
    const events = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, pass.id));
    expect(events.map((e) => e.type)).toEqual(["pass.redeemed"]);
    expect(JSON.stringify(events)).not.toContain(code);
    const again = await refusal(redeemPass(ctx, { code }));
    expect([again.code, again.message]).toEqual(["PASS_NOT_ACTIVE", "The pass has already been redeemed."]);
  });

  it("redeems a multi-use gift pass partially until its value or uses run out", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 3 }));
    expect((await redeemPass(ctx, { code, amountMinor: 1000 })).pass).toMatchObject({ state: "ACTIVE", remainingValueMinor: 1500, usesCount: 1 });
    expect((await refusal(redeemPass(ctx, { code, amountMinor: 2000 }))).details).toMatchObject({ fieldErrors: { amountMinor: ["That is more than the pass's remaining value."] } });
    expect((await redeemPass(ctx, { code, amountMinor: 500 })).pass).toMatchObject({ state: "ACTIVE", remainingValueMinor: 1000, usesCount: 2 });
    expect((await redeemPass(ctx, { code, amountMinor: 400 })).pass).toMatchObject({ state: "REDEEMED", remainingValueMinor: 600, usesCount: 3 });
    expect((await stored(pass.id)).state).toBe("REDEEMED");
  });

  it("refuses a part of a single-use pass's value", async () => {
    const ctx = await contextAs("support");
    const { code } = await testPass(ctx, await testPlan(ctx));
    expect((await refusal(redeemPass(ctx, { code, amountMinor: 100 }))).code).toBe("VALIDATION_FAILED");
  });

  it("uses a promotion code once per contact and N times in total, unlocking its offer", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { type: "PROMOTION", usage: "MULTIPLE", maxUses: 2 });
    const { code } = await testPass(ctx, plan);
    const [ann, bob, cem] = await Promise.all([1, 2, 3].map(() => createContact(ctx, { email: uniqueEmail() })));
    expect((await refusal(redeemPass(ctx, { code }))).details).toMatchObject({ fieldErrors: { contactId: ["A promotion pass is redeemed for a contact: choose one."] } });
    expect(await redeemPass(ctx, { code, contactId: ann!.id })).toMatchObject({ unlocked: { kind: "REWARD_OFFER", rewardOfferId: plan.linkedRewardOfferId }, credit: null });
    expect((await refusal(redeemPass(ctx, { code, contactId: ann!.id }))).message).toBe("This contact has already used this promotion code.");
    expect((await redeemPass(ctx, { code, contactId: bob!.id })).pass.state).toBe("REDEEMED");
    expect((await refusal(redeemPass(ctx, { code, contactId: cem!.id }))).code).toBe("PASS_NOT_ACTIVE");
  });

  it("refuses an unknown contact", async () => {
    const ctx = await contextAs("support");
    const { code } = await testPass(ctx, await testPlan(ctx));
    expect((await refusal(redeemPass(ctx, { code, contactId: "01900000-0000-7000-8000-000000000000" }))).details).toMatchObject({ fieldErrors: { contactId: ["There is no such contact."] } });
  });
});

describe("OTP verification", () => {
  async function otpPass() {
    const ctx = await contextAs("support");
    const phone = uniquePhone();
    const contact = await createContact(ctx, { phone });
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { otpRequired: true }), { contactId: contact.id });
    return { ctx, pass, code, contact };
  }

  async function sentOtp(ctx: Awaited<ReturnType<typeof contextAs>>, passId: string) {
    const [message] = await ctx.db.select().from(messages).where(eq(messages.passId, passId)).orderBy(desc(messages.createdAt)).limit(1);
    expect(message).toMatchObject({ channel: "SMS", purpose: "OTP" });
    return /is (\d{6})\./.exec(openContent(message!.contentCiphertext).body)![1]!;
  }

  it("sends 6 digits by SMS to the contact, stores only a hash, and redeems with them once", async () => {
    const { ctx, pass, code, contact } = await otpPass();
    expect((await refusal(redeemPass(ctx, { code }))).details).toMatchObject({ fieldErrors: { otp: ["This pass needs a one-time code: request one, then enter it."] } });
    const requested = await requestRedemptionOtp(ctx, { code });
    expect(requested.channel).toBe("SMS");
    expect(requested.expiresAt.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    const otp = await sentOtp(ctx, pass.id);
    const [row] = await ctx.db.select().from(passOtps).where(eq(passOtps.passId, pass.id));
    expect(row!.otpHash).not.toContain(otp);
    expect((await checkRedemption(ctx, { code, otp })).pass.passId).toBe(pass.id);
    expect((await redeemPass(ctx, { code, otp, contactId: contact.id })).pass.state).toBe("REDEEMED");
    const [spent] = await ctx.db.select().from(passOtps).where(eq(passOtps.passId, pass.id));
    expect(spent!.consumedAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong OTP (counting its tries), an expired one, and a pass whose plan needs none", async () => {
    const { ctx, pass, code } = await otpPass();
    await requestRedemptionOtp(ctx, { code });
    const otp = await sentOtp(ctx, pass.id);
    const wrong = otp === "000000" ? "111111" : "000000";
    expect((await refusal(checkRedemption(ctx, { code, otp: wrong }))).code).toBe("INVALID_CREDENTIALS");
    const [row] = await ctx.db.select().from(passOtps).where(eq(passOtps.passId, pass.id));
    expect(row!.attempts).toBe(1);
    await ctx.db.update(passOtps).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passOtps.passId, pass.id));
    expect((await refusal(checkRedemption(ctx, { code, otp }))).message).toBe("The one-time code has expired or was not requested: request a new one.");
    const { code: plain } = await testPass(ctx, await testPlan(ctx));
    expect((await refusal(requestRedemptionOtp(ctx, { code: plain }))).message).toBe("This pass needs no one-time code.");
  });

  it("allows at most 5 tries of one OTP", async () => {
    const { ctx, pass, code } = await otpPass();
    await requestRedemptionOtp(ctx, { code });
    await ctx.db.update(passOtps).set({ attempts: 5 }).where(eq(passOtps.passId, pass.id));
    const otp = await sentOtp(ctx, pass.id);
    const err = await refusal(checkRedemption(ctx, { code, otp }));
    expect([err.code, err.message]).toEqual(["TOO_MANY_ATTEMPTS", "This one-time code was tried too many times: request a new one."]);
  });
});
