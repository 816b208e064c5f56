import { eq } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import { paymentAdapter } from "@/server/adapters/payments";
import type { PayoutOutcome } from "@/server/adapters/payments/types";
import { inTransaction, type DomainContext } from "../../context";
import { systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import type { PayoutView } from "../operation-schemas";
import { openAccount } from "../wallets";
import { recordPayoutStep, transition } from "./transition";
import { payoutView, type PayoutRow } from "./view";

/**
 * Pays an APPROVED payout (its money already in PAYOUTS) through the payment adapter and applies
 * the provider's outcome: success marks it PAID with the provider's reference; a refusal posts a
 * PAYOUT_REVERSAL entry back to open funds and marks it FAILED with the reason. An adapter that
 * throws (unreachable, timed out) gave no outcome: the provider may have paid, so returning the
 * funds could pay the contact twice. The payout stays APPROVED, awaiting the provider, and the
 * recovery job asks again. The idempotency key is always the payout id, so asking again never
 * pays twice. The adapter is called with no transaction or lock held, so call this with the
 * process database. INVALID_STATE if the payout was settled meanwhile.
 */
export async function settleWithProvider(ctx: DomainContext, approved: PayoutRow): Promise<PayoutView> {
  let outcome: PayoutOutcome;
  try {
    outcome = await paymentAdapter().pay({ idempotencyKey: approved.id, contactId: approved.contactId, currency: approved.currency, amountMinor: approved.amountMinor });
  } catch (err) {
    console.warn(`payout ${approved.id}: no answer from the payment provider, left awaiting it:`, err instanceof Error ? err.message : err);
    return payoutView(approved);
  }

  return inTransaction(ctx, async (tx) => {
    if (outcome.ok) {
      const paid = await transition(tx, approved.id, "APPROVED", { state: "PAID", providerReference: outcome.providerReference });
      await recordPayoutStep(tx, "paid", paid);
      return payoutView(paid);
    }
    const failed = await transition(tx, approved.id, "APPROVED", { state: "FAILED", reason: outcome.reason });
    const reversal = await postEntry(tx, {
      kind: "PAYOUT_REVERSAL",
      causeType: "payout",
      causeId: failed.id,
      reversesEntryId: failed.payoutEntryId,
      memo: outcome.reason,
      postings: [
        { account: await systemAccount(tx, "PAYOUTS", failed.currency), amountMinor: -failed.amountMinor },
        { account: await openAccount(tx, { id: failed.walletId }), amountMinor: failed.amountMinor },
      ],
    });
    const [row] = await tx.db.update(payoutRequests).set({ reversalEntryId: reversal.id }).where(eq(payoutRequests.id, failed.id)).returning();
    await recordPayoutStep(tx, "failed", row!);
    return payoutView(row!);
  });
}
