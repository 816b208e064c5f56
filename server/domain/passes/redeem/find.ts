import { and, eq, isNull, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { preparedQuery } from "@/db/prepared";
import { contacts, passes, passPlans, passRedemptions } from "@/db/schema";
import type { DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import type { Pass, PassPlanRow } from "../actions/pass-row";
import { failureCountersColumn } from "../../rate-limit";
import { verifyPin } from "../codes/pin";
import { lookupHash } from "../codes/secrecy";
import { assertRedemptionAllowed, failureScope, refuseAttempt, refuseWrongCredentials, type FailureScope } from "./failures";

export interface FoundPass {
  pass: Pass;
  plan: PassPlanRow;
  scope: FailureScope;
}

/**
 * Step 1 of D5's redemption up to the secrets: the caller and the code must not be locked out,
 * the code must exist and the PIN (if the pass has one) must match. A wrong code and a wrong PIN
 * fail alike and are counted; nothing about the pass is told before both pass.
 */
export async function findPassByCredentials(ctx: DomainContext, credentials: { code: string; pin?: string }): Promise<FoundPass> {
  const hash = lookupHash(credentials.code);
  const scope = failureScope(ctx, hash);
  // The lock-out counters come with the pass (one round trip less on the hot path); nothing of
  // the row is looked at before they are.
  const [row] = await preparedQuery(ctx.db, "pass_by_code_hash", (db, name) =>
    db
      .select({ pass: passes, plan: passPlans, failureCounters: failureCountersColumn(sql.placeholder("keys"), sql.placeholder("now")) })
      .from(passes)
      .innerJoin(passPlans, eq(passPlans.id, passes.planId))
      .where(eq(passes.codeHash, sql.placeholder("hash")))
      .prepare(name),
  ).execute({ hash, keys: arrayLiteral(scope.lockout.map((c) => c.storedKey)), now: new Date().toISOString() });
  // An unknown code has no row to bring them: they are read on their own.
  await assertRedemptionAllowed(scope, row?.failureCounters);
  if (!row) return refuseWrongCredentials(scope, "UNKNOWN_CODE", null);
  if (row.pass.pinHash && !(credentials.pin && verifyPin(row.pass.id, credentials.pin, row.pass.pinHash))) {
    return refuseWrongCredentials(scope, "WRONG_PIN", row.pass);
  }
  return { pass: row.pass, plan: row.plan, scope };
}

const notActiveMessages: Record<Exclude<Pass["state"], "ACTIVE">, string> = {
  DRAFT: "The pass has not been activated yet.",
  REDEEMED: "The pass has already been redeemed.",
  CANCELLED: "The pass has been cancelled.",
  EXPIRED: "The pass has expired.",
};

/** Why an ACTIVE-looking pass cannot redeem now, or null (D5: only ACTIVE, unexpired passes with a value redeem). */
export function redeemabilityProblem(pass: Pass, plan: PassPlanRow, now: Date): DomainError | null {
  if (pass.state !== "ACTIVE") return new DomainError("PASS_NOT_ACTIVE", notActiveMessages[pass.state], { state: pass.state });
  if (pass.expiresAt && pass.expiresAt <= now) return new DomainError("PASS_EXPIRED", "The pass has expired.", { expiresAt: pass.expiresAt.toISOString() });
  if (plan.type !== "PROMOTION" && pass.initialValueMinor === null) {
    return new DomainError("BUSINESS_RULE", "The pass has no value yet: it gets one when it is sold and activated.");
  }
  return null;
}

/** Refuses (and logs on the pass's history) a pass that cannot redeem now. */
export async function assertRedeemable(found: FoundPass, now: Date): Promise<void> {
  const problem = redeemabilityProblem(found.pass, found.plan, now);
  if (problem) await refuseAttempt(found.scope, found.pass, problem);
}

/**
 * The contact a redemption is for must exist; a promotion pass needs one and is used once per
 * contact (the partial unique index on pass_redemptions guarantees it under concurrency).
 */
export async function assertContactMayRedeem(ctx: DomainContext, found: FoundPass, contactId: string | undefined): Promise<void> {
  const isPromotion = found.plan.type === "PROMOTION";
  if (!contactId) {
    if (isPromotion) throw invalidField("contactId", "A promotion pass is redeemed for a contact: choose one.");
    return;
  }
  const [contact] = await preparedQuery(ctx.db, "contact_exists", (db, name) =>
    db
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.id, sql.placeholder("contactId")))
      .prepare(name),
  ).execute({ contactId });
  if (!contact) throw invalidField("contactId", "There is no such contact.");
  if (!isPromotion) return;
  const [used] = await ctx.db
    .select({ id: passRedemptions.id })
    .from(passRedemptions)
    .where(and(eq(passRedemptions.passId, found.pass.id), eq(passRedemptions.contactId, contactId), isNull(passRedemptions.reversedAt)))
    .limit(1);
  if (used) await refuseAttempt(found.scope, found.pass, alreadyUsedByContact());
}

export const alreadyUsedByContact = () => new DomainError("BUSINESS_RULE", "This contact has already used this promotion code.");
