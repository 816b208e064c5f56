import { eq } from "drizzle-orm";
import { passes } from "@/db/schema";
import { redactSecrets } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import { newId } from "../../ids";
import { ledgerErrors } from "../../ledger/post-entry";
import { callInGroupCommit } from "../../group-commit";
import { sqlActor } from "../../sql-functions";
import type { WalletAccountBalance } from "../../wallet/balances";
import { creditedAsPlanned, planRedemptionCredit, type PlannedCredit } from "../../wallet/credit-redemption";
import { passSnapshot, type Pass, type PassPlanRow, type PassView } from "../actions/pass-row";
import { alreadyUsedByContact, redeemabilityProblem } from "./find";
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

/** What `pass_redeem` wrote: the pass's changed fields and, with a credit, the wallet's accounts. */
interface RedemptionWritten {
  usesCount: number;
  remainingValueMinor: number | null;
  state: Pass["state"];
  redeemedAt: string | null;
  contactId: string | null;
  walletId: string | null;
  accounts: WalletAccountBalance[] | null;
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
 * Redeems a pass (D5): every check of `checkRedemption`, then one statement (`pass_redeem`) takes
 * a use in a conditional UPDATE that re-checks every condition under the pass's row lock (so
 * exactly as many parallel calls succeed as the pass has uses), records the redemption (who,
 * where, when, how much), runs the wallet's money step and records `pass.redeemed`. Only a
 * one-time code to spend or a registered contact's wallet to open first make it a transaction;
 * otherwise the statement joins the process's concurrent redemptions in a group commit.
 */
export async function redeemPass(ctx: DomainContext, input: RedeemPassInput): Promise<PassRedeemed> {
  const verified = await verifyRedemption(ctx, input);
  const { pass, plan } = verified;
  const amount = amountToTake(pass, plan, input.amountMinor);
  const unlocked = unlocksOf(pass, plan, amount);
  const redemptionId = newId();
  const planCredit = (tx: DomainContext, mayOpenWallet: boolean) =>
    unlocked.kind === "VALUE"
      ? planRedemptionCredit(
          tx,
          { redemptionId, passId: pass.id, plan, contactId: input.contactId ?? pass.contactId, amountMinor: unlocked.amountMinor, currency: unlocked.currency },
          { mayOpenWallet },
        )
      : Promise.resolve(null);

  const redeem = async (tx: DomainContext, planned: PlannedCredit | null): Promise<PassRedeemed> => {
    const facts = {
      ...passSnapshot(pass),
      redemptionId,
      amountMinor: amount,
      contactIdRedeeming: input.contactId ?? null,
      organisationId: input.organisationId ?? null,
      terminalId: input.terminalId ?? null,
    };
    const written = await callInGroupCommit<RedemptionWritten | null>(
      tx,
      "pass_redeem",
      {
        passId: pass.id,
        redemptionId,
        amountMinor: amount,
        currency: pass.currency,
        contactId: input.contactId ?? null,
        organisationId: input.organisationId ?? null,
        terminalId: input.terminalId ?? null,
        actor: sqlActor(tx),
        auditId: newId(),
        eventId: newId(),
        before: redactSecrets(passSnapshot(pass)),
        facts: redactSecrets(facts),
        nameless: planned?.nameless ?? null,
        credit: planned?.credit ?? null,
      },
      // A new nameless wallet locks nothing another redemption could; a registered one, its pocket.
      { errors: { ...ledgerErrors, TSU01: alreadyUsedByContact }, lockKey: planned?.credit.pocketId ?? undefined, onePerBatch: pass.id },
    );
    if (!written) throw await lostRaceError(tx, pass.id, plan);
    const after: Pass = {
      ...pass,
      usesCount: written.usesCount,
      remainingValueMinor: written.remainingValueMinor,
      state: written.state,
      redeemedAt: written.redeemedAt === null ? null : new Date(written.redeemedAt),
      contactId: written.contactId,
    };
    const credit = planned && amount !== null ? creditedAsPlanned(planned, amount, { walletId: written.walletId!, accounts: written.accounts ?? [] }) : null;
    return { redemptionId, pass: passSnapshot(after), unlocked, credit };
  };
  if (!verified.otpId) {
    const planned = await planCredit(ctx, false);
    if (planned || unlocked.kind !== "VALUE") return redeem(ctx, planned);
  }
  return inTransaction(ctx, async (tx) => {
    if (verified.otpId) await consumeOtp(tx, verified.otpId);
    return redeem(tx, await planCredit(tx, true));
  });
}
