import { and, eq } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import { paymentAdapter } from "@/server/adapters/payments";
import type { PayoutOutcome } from "@/server/adapters/payments/types";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, notFound } from "../../errors";
import { systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { emitEvent } from "../../outbox";
import type { PayoutView } from "../operation-schemas";
import { spendingWallet } from "../spending-wallet";
import { openAccount } from "../wallets";
import { payoutView, type PayoutRow } from "./view";

type PayoutState = PayoutRow["state"];

/** Moves a payout from one state to the next with a conditional update: a second decision finds nothing to change. */
async function transition(ctx: DomainContext, payoutId: string, from: PayoutState, set: Partial<PayoutRow>): Promise<PayoutRow> {
  const [row] = await ctx.db
    .update(payoutRequests)
    .set(set)
    .where(and(eq(payoutRequests.id, payoutId), eq(payoutRequests.state, from)))
    .returning();
  if (row) return row;
  const [current] = await ctx.db.select({ state: payoutRequests.state }).from(payoutRequests).where(eq(payoutRequests.id, payoutId));
  if (!current) throw notFound("Payout request");
  throw new DomainError("INVALID_STATE", `This payout is ${current.state.toLowerCase()}, not ${from.toLowerCase()}.`, { state: current.state });
}

async function record(ctx: DomainContext, action: string, row: PayoutRow) {
  const view = payoutView(row);
  await recordAudit(ctx, { action: `payout.${action}`, entityType: "payout", entityId: row.id, after: view });
  await emitEvent(ctx, { type: `payout.${action}`, entityType: "payout", entityId: row.id, payload: view });
}

/**
 * Approves a payout (D6, finance): in one transaction the amount moves from open funds to the
 * PAYOUTS account (PAYOUT entry) and the payout becomes APPROVED. Then, with no transaction or
 * lock held, the payment adapter is called; success marks it PAID with the provider's reference,
 * failure posts a PAYOUT_REVERSAL entry back to open funds and marks it FAILED with the reason.
 * Call it with the process database, never inside a transaction.
 */
export async function approvePayout(ctx: DomainContext, input: { payoutId: string }): Promise<PayoutView> {
  const approved = await inTransaction(ctx, async (tx) => {
    let row = await transition(tx, input.payoutId, "REQUESTED", { state: "APPROVED", decidedByLabel: ctx.actor.label, decidedAt: new Date() });
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
    row = (await tx.db.update(payoutRequests).set({ payoutEntryId: entry.id }).where(eq(payoutRequests.id, row.id)).returning())[0]!;
    await record(tx, "approved", row);
    return row;
  });

  const outcome: PayoutOutcome = await paymentAdapter()
    .pay({ idempotencyKey: approved.id, contactId: approved.contactId, currency: approved.currency, amountMinor: approved.amountMinor })
    .catch((err: unknown) => ({ ok: false, reason: err instanceof Error ? err.message : "The payment provider failed." }));

  return inTransaction(ctx, async (tx) => {
    if (outcome.ok) {
      const paid = await transition(tx, approved.id, "APPROVED", { state: "PAID", providerReference: outcome.providerReference });
      await record(tx, "paid", paid);
      return payoutView(paid);
    }
    const failed = await transition(tx, approved.id, "APPROVED", { state: "FAILED", reason: outcome.reason });
    const wallet = { id: failed.walletId, contactId: failed.contactId, currency: failed.currency, createdAt: failed.createdAt };
    const open = await openAccount(tx, wallet);
    const reversal = await postEntry(tx, {
      kind: "PAYOUT_REVERSAL",
      causeType: "payout",
      causeId: failed.id,
      reversesEntryId: failed.payoutEntryId,
      memo: outcome.reason,
      postings: [
        { account: await systemAccount(tx, "PAYOUTS", failed.currency), amountMinor: -failed.amountMinor },
        { account: open, amountMinor: failed.amountMinor },
      ],
    });
    const [row] = await tx.db.update(payoutRequests).set({ reversalEntryId: reversal.id }).where(eq(payoutRequests.id, failed.id)).returning();
    await record(tx, "failed", row!);
    return payoutView(row!);
  });
}

/** Rejects a requested payout (D6, finance) with a reason; no money had moved. */
export async function rejectPayout(ctx: DomainContext, input: { payoutId: string; reason: string }): Promise<PayoutView> {
  return inTransaction(ctx, async (tx) => {
    const row = await transition(tx, input.payoutId, "REQUESTED", { state: "REJECTED", reason: input.reason.trim(), decidedByLabel: ctx.actor.label, decidedAt: new Date() });
    await record(tx, "rejected", row);
    return payoutView(row);
  });
}
