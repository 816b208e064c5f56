import { recordAudit } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";
import { newId } from "../ids";
import type { AccountRef } from "../ledger/accounts";
import { postEntry } from "../ledger/post-entry";
import { emitEvent } from "../outbox";
import type { BasketLine } from "./allocate";
import { walletBalances, type WalletBalances } from "./balances";
import { lotsToConsume } from "./credit-lots";
import { redeemFundsSchema, type RedeemFundsInput } from "./operation-schemas";
import { lockAccounts } from "../ledger/locks";
import { eligiblePockets, spendingWallet } from "./spending-wallet";

export interface RedeemStep {
  open: AccountRef;
  pockets: readonly AccountRef[];
  amountMinor: number;
  basket?: readonly BasketLine[];
  cause: { type: string; id: string };
}

/** A redeem whose lots are chosen and whose REDEEM entry is planned, not yet written. */
export interface PlannedRedeem {
  takenMinor: number;
  journalEntryId: string | null;
  /** Sends the lots' updates and the entry together; a caller may send its own writes right after. */
  write(): Promise<void>;
}

/** A redeem that takes nothing: no lot, no entry, nothing to write. */
export const nothingRedeemed: PlannedRedeem = { takenMinor: 0, journalEntryId: null, write: async () => {} };

/**
 * Plans moving up to `amountMinor` of eligible commerce funds into the wallet's open funds as
 * one REDEEM entry (D6). The caller holds the wallet accounts' locks (lockAccounts); the lots
 * are taken soonest-expiring first, unexpired, within their product conditions. Nothing is
 * written before `write`, so the caller can still refuse with nothing to undo.
 */
export async function planRedeemIntoOpen(ctx: DomainContext, step: RedeemStep): Promise<PlannedRedeem> {
  const { postings, takenMinor, take } = await lotsToConsume(ctx, { pockets: step.pockets, amountMinor: step.amountMinor, basket: step.basket });
  if (takenMinor === 0) return nothingRedeemed;
  const journalEntryId = newId();
  return {
    takenMinor,
    journalEntryId,
    // Sent together: postgres-js pipelines them on the transaction's connection, in this order.
    write: async () => {
      await Promise.all([
        take(),
        postEntry(ctx, {
          id: journalEntryId,
          kind: "REDEEM",
          causeType: step.cause.type,
          causeId: step.cause.id,
          postings: [...postings, { account: step.open, amountMinor: takenMinor }],
        }),
      ]);
    },
  };
}

export interface FundsRedeemed {
  redeemedMinor: number;
  journalEntryId: string | null;
  balances: WalletBalances;
}

/**
 * Redeems commerce funds to open funds for a purchase (D6): as much as the eligible lots allow,
 * up to the amount (possibly 0). A contact blocked from spending cannot redeem either: a redeem
 * only exists to pay for a purchase.
 */
export async function redeemFunds(ctx: DomainContext, rawInput: RedeemFundsInput): Promise<FundsRedeemed> {
  const input = redeemFundsSchema.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const { wallet, open } = await spendingWallet(tx, input.contactId, input.currency);
    const pockets = await eligiblePockets(tx, wallet.id, input);
    await lockAccounts(tx, [open.id, ...pockets.map((p) => p.id)]);
    const redeemId = newId();
    const { takenMinor, journalEntryId, write } = await planRedeemIntoOpen(tx, {
      open,
      pockets,
      amountMinor: input.amountMinor,
      basket: input.basket,
      cause: { type: "redeem", id: redeemId },
    });
    await write();
    if (takenMinor > 0) {
      const facts = { walletId: wallet.id, contactId: input.contactId, currency: wallet.currency, requestedMinor: input.amountMinor, redeemedMinor: takenMinor, organisationId: input.organisationId ?? null, journalEntryId };
      await recordAudit(tx, { action: "wallet.funds_redeemed", entityType: "wallet", entityId: wallet.id, after: facts });
      await emitEvent(tx, { type: "wallet.funds_redeemed", entityType: "wallet", entityId: wallet.id, payload: facts });
    }
    return { redeemedMinor: takenMinor, journalEntryId, balances: await walletBalances(tx, wallet.id) };
  });
}
