import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { creditLots, journalEntries, ledgerAccounts, passes, passRedemptions } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, notFound } from "../../errors";
import { accountRef, systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { walletBalances, type WalletBalances } from "../../wallet/balances";
import { assertPassState, lockPass, passSnapshot, recordPassChange, type PassView } from "../actions/pass-row";
import type { ReverseRedemptionInput } from "./schemas";

export interface RedemptionReversed {
  redemptionId: string;
  journalEntryId: string;
  reversedMinor: number;
  pass: PassView;
  balances: WalletBalances;
}

const spent = () =>
  new DomainError("BUSINESS_RULE", "The credited funds have been used or have expired: this redemption can no longer be rolled back.");

/**
 * Rolls back a gift/top-up redemption (D6) while its credited funds are untouched: in one
 * transaction the redemption is marked reversed (a conditional update, so a second reversal is
 * INVALID_STATE), its credit lot is emptied only if it still holds the whole amount and has not
 * expired, a PASS_REDEMPTION_REVERSAL entry naming the original moves the amount from the pocket
 * back to the plan's pass liability, and the pass is ACTIVE again with the value and use back.
 * Locks in the house order: pass, then the wallet's pocket.
 */
export function reverseRedemption(ctx: DomainContext, input: ReverseRedemptionInput): Promise<RedemptionReversed> {
  return inTransaction(ctx, async (tx) => {
    const [redemption] = await tx.db.select().from(passRedemptions).where(eq(passRedemptions.id, input.redemptionId));
    if (!redemption) throw notFound("Redemption");
    const { pass, plan } = await lockPass(tx, redemption.passId);
    if (redemption.amountMinor === null) throw new DomainError("BUSINESS_RULE", "A promotion redemption credits no funds: there is nothing to roll back.");
    const [marked] = await tx.db
      .update(passRedemptions)
      .set({ reversedAt: new Date() })
      .where(and(eq(passRedemptions.id, redemption.id), isNull(passRedemptions.reversedAt)))
      .returning({ id: passRedemptions.id });
    if (!marked) throw new DomainError("INVALID_STATE", "This redemption has already been rolled back.");
    assertPassState(pass, ["ACTIVE", "REDEEMED"], "given its value back");

    const [original] = await tx.db
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(and(eq(journalEntries.kind, "PASS_REDEMPTION"), eq(journalEntries.causeType, "pass_redemption"), eq(journalEntries.causeId, redemption.id)));
    const [lot] = await tx.db.select().from(creditLots).where(and(eq(creditLots.sourceType, "pass_redemption"), eq(creditLots.sourceId, redemption.id)));
    if (!original || !lot) throw new Error(`Redemption ${redemption.id} has no journal entry or credit lot.`);
    // The pocket is locked before its lot changes, as every spend does (consumeLots, postEntry).
    const [pocket] = await tx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, lot.accountId)).for("update");
    const [emptied] = await tx.db
      .update(creditLots)
      .set({ remainingMinor: 0 })
      .where(
        and(
          eq(creditLots.id, lot.id),
          eq(creditLots.remainingMinor, lot.amountMinor),
          isNull(creditLots.expiredAt),
          or(isNull(creditLots.expiresAt), gt(creditLots.expiresAt, sql`now()`)),
        ),
      )
      .returning({ amountMinor: creditLots.amountMinor });
    if (!emptied) throw spent();
    const amount = emptied.amountMinor;
    const entry = await postEntry(tx, {
      kind: "PASS_REDEMPTION_REVERSAL",
      causeType: "pass_redemption_reversal",
      causeId: redemption.id,
      reversesEntryId: original.id,
      memo: input.reason,
      postings: [
        { account: accountRef(pocket!), amountMinor: -amount, creditLotId: lot.id },
        { account: await systemAccount(tx, "PASS_LIABILITY", lot.currency, { passPlanId: plan.id }), amountMinor: amount },
      ],
    });
    const [after] = await tx.db
      .update(passes)
      .set({
        state: "ACTIVE",
        remainingValueMinor: sql`${passes.remainingValueMinor} + ${amount}`,
        usesCount: sql`${passes.usesCount} - 1`,
        redeemedAt: null,
      })
      .where(eq(passes.id, pass.id))
      .returning();
    await recordPassChange(tx, {
      action: "pass.redemption_reversed",
      before: pass,
      after: after!,
      details: { redemptionId: redemption.id, journalEntryId: entry.id, reversedMinor: amount, reason: input.reason },
    });
    return { redemptionId: redemption.id, journalEntryId: entry.id, reversedMinor: amount, pass: passSnapshot(after!), balances: await walletBalances(tx, lot.walletId) };
  });
}
