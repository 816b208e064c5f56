import { eq } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import type { PayoutView } from "../operation-schemas";
import { spendingWallet } from "../spending-wallet";
import { settleWithProvider } from "./settle";
import { recordPayoutStep, transition } from "./transition";
import { payoutView, type PayoutRow } from "./view";

/**
 * The first half of an approval, in one transaction: the amount moves from open funds to the
 * PAYOUTS account (PAYOUT entry) and the payout becomes APPROVED, stamped with who decided and
 * when. Until it is settled with the provider it waits in APPROVED; if the process dies before,
 * the recovery job (recover.ts) settles it.
 */
export async function commitApproval(ctx: DomainContext, input: { payoutId: string }): Promise<PayoutRow> {
  return inTransaction(ctx, async (tx) => {
    const row = await transition(tx, input.payoutId, "REQUESTED", { state: "APPROVED", decidedByLabel: ctx.actor.label, decidedAt: new Date() });
    const { open } = await spendingWallet(tx, row.contactId, row.currency);
    const entry = await postEntry(tx, {
      kind: "PAYOUT",
      causeType: "payout",
      causeId: row.id,
      postings: [
        { account: open, amountMinor: -row.amountMinor },
        { account: await systemAccount(tx, "PAYOUTS", row.currency), amountMinor: row.amountMinor },
      ],
    });
    const [approved] = await tx.db.update(payoutRequests).set({ payoutEntryId: entry.id }).where(eq(payoutRequests.id, row.id)).returning();
    await recordPayoutStep(tx, "approved", approved!);
    return approved!;
  });
}

/**
 * Approves a payout (D6, finance): commits the approval, then settles it with the payment
 * provider (settle.ts): PAID, or FAILED with the funds back in open funds. Call it with the
 * process database, never inside a transaction: the provider is called between the two.
 */
export async function approvePayout(ctx: DomainContext, input: { payoutId: string }): Promise<PayoutView> {
  return settleWithProvider(ctx, await commitApproval(ctx, input));
}

/** Rejects a requested payout (D6, finance) with a reason; no money had moved. */
export async function rejectPayout(ctx: DomainContext, input: { payoutId: string; reason: string }): Promise<PayoutView> {
  return inTransaction(ctx, async (tx) => {
    const row = await transition(tx, input.payoutId, "REQUESTED", { state: "REJECTED", reason: input.reason.trim(), decidedByLabel: ctx.actor.label, decidedAt: new Date() });
    await recordPayoutStep(tx, "rejected", row);
    return payoutView(row);
  });
}
