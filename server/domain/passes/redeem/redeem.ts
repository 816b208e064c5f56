import { and, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import { passes, passRedemptions } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import { newId } from "../../ids";
import { emitEvent } from "../../outbox";
import { passSnapshot, type Pass, type PassPlanRow, type PassView } from "../actions/pass-row";
import { alreadyUsedByContact, redeemabilityProblem } from "./find";
import { creditRedemption } from "../../wallet/credit-redemption";
import type { WalletCredit } from "./money-step";
import { consumeOtp } from "./otp";
import type { RedeemPassInput } from "./schemas";
import { unlocksOf, type Unlocks } from "./unlocks";
import { verifyRedemption } from "./verify";

export interface PassRedeemed {
  redemptionId: string;
  pass: PassView;
  unlocked: Unlocks;
  /** The wallet's credit (gift/top-up); null for a promotion pass. */
  credit: WalletCredit | null;
}

/** The value taken by this use: all that remains, or a part of a multi-use pass's value. */
function amountToTake(pass: Pass, plan: PassPlanRow, requested: number | undefined): number | null {
  if (plan.type === "PROMOTION") {
    if (requested !== undefined) throw invalidField("amountMinor", "Promotion passes carry no value.");
    return null;
  }
  const remaining = pass.remainingValueMinor ?? 0;
  if (requested === undefined || requested === remaining) return remaining;
  if (pass.maxUses === 1) throw invalidField("amountMinor", "A single-use pass is redeemed for all of its value.");
  if (requested > remaining) throw invalidField("amountMinor", "That is more than the pass's remaining value.");
  return requested;
}

/**
 * Takes one use (and `amount`) from the pass in one conditional UPDATE: the WHERE re-checks
 * every condition under the row lock the UPDATE takes, so parallel redemptions of one code can
 * never use it more often than allowed (no read-then-write). The pass becomes REDEEMED when its
 * uses reach the maximum or its remaining value reaches 0. Undefined: the pass no longer qualifies.
 */
async function consumeUse(tx: DomainContext, passId: string, amount: number | null, contactId: string | null): Promise<Pass | undefined> {
  const take = amount ?? 0;
  const usedUp = sql`(${passes.usesCount} + 1 >= ${passes.maxUses} or coalesce(${passes.remainingValueMinor} - ${take}, 1) = 0)`;
  const [after] = await tx.db
    .update(passes)
    .set({
      usesCount: sql`${passes.usesCount} + 1`,
      remainingValueMinor: sql`${passes.remainingValueMinor} - ${take}`,
      state: sql`case when ${usedUp} then 'REDEEMED'::pass_state else ${passes.state} end`,
      redeemedAt: sql`case when ${usedUp} then now() else ${passes.redeemedAt} end`,
      contactId: sql`coalesce(${passes.contactId}, ${contactId}::uuid)`,
    })
    .where(
      and(
        eq(passes.id, passId),
        eq(passes.state, "ACTIVE"),
        lt(passes.usesCount, passes.maxUses),
        or(isNull(passes.expiresAt), gt(passes.expiresAt, sql`now()`)),
        amount === null ? undefined : gte(passes.remainingValueMinor, amount),
      ),
    )
    .returning();
  return after;
}

/** A gift redeemed without a contact now belongs to the nameless contact it funded (D3). */
async function recordNamelessOwner(tx: DomainContext, passId: string, redemptionId: string, contactId: string) {
  await tx.db.update(passes).set({ contactId }).where(and(eq(passes.id, passId), isNull(passes.contactId)));
  await tx.db.update(passRedemptions).set({ contactId }).where(eq(passRedemptions.id, redemptionId));
}

/** Why the conditional update found nothing to take, read after the fact for the answer. */
async function lostRaceError(ctx: DomainContext, passId: string, plan: PassPlanRow): Promise<DomainError> {
  const [now] = await ctx.db.select().from(passes).where(eq(passes.id, passId));
  return (
    (now && redeemabilityProblem(now, plan, new Date())) ??
    new DomainError("INSUFFICIENT_FUNDS", "The pass's remaining value is less than the amount.")
  );
}

/**
 * Redeems a pass (D5): every check of `checkRedemption`, then in one transaction takes a use,
 * records the redemption (who, where, when, how much), spends the OTP, runs the wallet's money
 * step and emits `pass.redeemed`. Exactly as many parallel calls succeed as the pass has uses.
 */
export async function redeemPass(ctx: DomainContext, input: RedeemPassInput): Promise<PassRedeemed> {
  const verified = await verifyRedemption(ctx, input);
  const { pass, plan } = verified;
  const amount = amountToTake(pass, plan, input.amountMinor);
  return inTransaction(ctx, async (tx) => {
    const after = await consumeUse(tx, pass.id, amount, input.contactId ?? null);
    if (!after) throw await lostRaceError(tx, pass.id, plan);
    const redemptionId = newId();
    const [recorded] = await tx.db
      .insert(passRedemptions)
      .values({
        id: redemptionId,
        passId: pass.id,
        contactId: input.contactId ?? null,
        amountMinor: amount,
        currency: amount === null ? null : after.currency,
        organisationId: input.organisationId ?? null,
        terminalId: input.terminalId ?? null,
        actorType: tx.actor.type,
        actorId: tx.actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: passRedemptions.id });
    if (!recorded) throw alreadyUsedByContact();
    if (verified.otpId) await consumeOtp(tx, verified.otpId);
    const unlocked = unlocksOf(after, plan, amount);
    const credit =
      unlocked.kind === "VALUE"
        ? await creditRedemption(tx, { redemptionId, passId: pass.id, plan, contactId: input.contactId ?? after.contactId, amountMinor: unlocked.amountMinor, currency: unlocked.currency })
        : null;
    if (credit && !input.contactId) await recordNamelessOwner(tx, pass.id, redemptionId, credit.contactId);
    const facts = {
      ...passSnapshot(after),
      redemptionId,
      amountMinor: amount,
      contactIdRedeeming: input.contactId ?? null,
      organisationId: input.organisationId ?? null,
      terminalId: input.terminalId ?? null,
    };
    await recordAudit(tx, { action: "pass.redeemed", entityType: "pass", entityId: pass.id, before: passSnapshot(pass), after: facts });
    await emitEvent(tx, { type: "pass.redeemed", entityType: "pass", entityId: pass.id, payload: facts });
    return { redemptionId, pass: passSnapshot(after), unlocked, credit };
  });
}
