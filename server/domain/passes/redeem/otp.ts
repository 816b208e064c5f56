import { randomInt } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { contactIdentities, passOtps } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import { newId } from "../../ids";
import { keyedHash } from "../../keyed-hash";
import { queueMessage } from "../../messages/queue";
import type { Pass } from "../actions/pass-row";
import { hashesEqual } from "../codes/secrecy";
import { refuseWrongCredentials } from "./failures";
import { assertRedeemable, findPassByCredentials, type FoundPass } from "./find";
import type { RequestRedemptionOtpInput } from "./schemas";

/** D5: 6 digits, valid 5 minutes, at most 5 tries. */
export const otpRules = { digits: 6, validSeconds: 5 * 60, maxAttempts: 5 } as const;

/** Bound to the pass, so an OTP sent for one pass is worthless on another. */
const hashOtp = (passId: string, otp: string) => keyedHash("redemption-otp", `${passId}:${otp}`);

interface Destination {
  channel: "SMS" | "EMAIL";
  to: string;
  contactId: string | null;
}

/** The pass's contact's phone (else email), else the recipient's, else those of the contact redeeming. */
async function otpDestination(ctx: DomainContext, pass: Pass, contactId: string | undefined): Promise<Destination | null> {
  const owner = pass.contactId ?? contactId ?? null;
  if (owner) {
    const identities = await ctx.db
      .select({ type: contactIdentities.type, value: contactIdentities.value })
      .from(contactIdentities)
      .where(eq(contactIdentities.contactId, owner));
    const phone = identities.find((i) => i.type === "phone");
    const email = identities.find((i) => i.type === "email");
    if (phone) return { channel: "SMS", to: phone.value, contactId: owner };
    if (email) return { channel: "EMAIL", to: email.value, contactId: owner };
  }
  if (pass.recipientPhone) return { channel: "SMS", to: pass.recipientPhone, contactId: pass.contactId };
  if (pass.recipientEmail) return { channel: "EMAIL", to: pass.recipientEmail, contactId: pass.contactId };
  return null;
}

/** Enough of an address for the holder to recognise it, not enough to learn it. */
function maskDestination({ channel, to }: Destination): string {
  if (channel === "SMS") return `…${to.slice(-3)}`;
  const [local = "", domain = ""] = to.split("@");
  return `${local.slice(0, 1)}…@${domain}`;
}

export interface OtpRequested {
  channel: "SMS" | "EMAIL";
  sentTo: string;
  expiresAt: Date;
}

/**
 * Sends a fresh one-time code for a pass whose plan requires OTP verification; it replaces any
 * earlier one. The code and PIN are checked (and failures counted) as for a redemption.
 */
export async function requestRedemptionOtp(ctx: DomainContext, input: RequestRedemptionOtpInput): Promise<OtpRequested> {
  const found = await findPassByCredentials(ctx, input);
  if (!found.plan.otpRequired) throw new DomainError("BUSINESS_RULE", "This pass needs no one-time code.");
  await assertRedeemable(found, new Date());
  const destination = await otpDestination(ctx, found.pass, input.contactId);
  if (!destination) throw new DomainError("BUSINESS_RULE", "The pass has no phone number or email to send a one-time code to.");
  const otp = String(randomInt(0, 10 ** otpRules.digits)).padStart(otpRules.digits, "0");
  const expiresAt = new Date(Date.now() + otpRules.validSeconds * 1000);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(passOtps)
      .set({ consumedAt: sql`now()` })
      .where(and(eq(passOtps.passId, found.pass.id), isNull(passOtps.consumedAt)));
    await tx.db.insert(passOtps).values({ id: newId(), passId: found.pass.id, otpHash: hashOtp(found.pass.id, otp), expiresAt });
    await queueMessage(tx, {
      channel: destination.channel,
      to: destination.to,
      subject: "Your one-time code",
      body: `Your one-time code to redeem pass ${found.pass.codeMask} is ${otp}. It expires in 5 minutes.`,
      purpose: "OTP",
      passId: found.pass.id,
      contactId: destination.contactId,
    });
  });
  return { channel: destination.channel, sentTo: maskDestination(destination), expiresAt };
}

/**
 * Checks the OTP presented for a pass that requires one; returns the OTP's id for the
 * redemption to consume. A wrong OTP uses up one of its tries and counts as a failure.
 */
export async function verifyRedemptionOtp(found: FoundPass, otp: string | undefined): Promise<string> {
  if (!otp) throw invalidField("otp", "This pass needs a one-time code: request one, then enter it.");
  const outside = found.scope.outside;
  const [current] = await outside.db
    .select()
    .from(passOtps)
    .where(and(eq(passOtps.passId, found.pass.id), isNull(passOtps.consumedAt)))
    .orderBy(desc(passOtps.createdAt))
    .limit(1);
  if (!current || current.expiresAt <= new Date()) {
    throw invalidField("otp", "The one-time code has expired or was not requested: request a new one.");
  }
  if (current.attempts >= otpRules.maxAttempts) {
    throw new DomainError("TOO_MANY_ATTEMPTS", "This one-time code was tried too many times: request a new one.");
  }
  if (!hashesEqual(hashOtp(found.pass.id, otp), current.otpHash)) {
    await outside.db
      .update(passOtps)
      .set({ attempts: sql`${passOtps.attempts} + 1` })
      .where(eq(passOtps.id, current.id));
    return refuseWrongCredentials(found.scope, "WRONG_OTP", found.pass);
  }
  return current.id;
}

/** Spends the OTP in the redemption's transaction; a second use of the same OTP is refused. */
export async function consumeOtp(tx: DomainContext, otpId: string): Promise<void> {
  const [spent] = await tx.db
    .update(passOtps)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(passOtps.id, otpId), isNull(passOtps.consumedAt)))
    .returning({ id: passOtps.id });
  if (!spent) throw invalidField("otp", "The one-time code has already been used: request a new one.");
}
