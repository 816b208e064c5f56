import { and, eq } from "drizzle-orm";
import { contacts, ledgerAccounts } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField, notFound } from "../../errors";
import { newId } from "../../ids";
import { accountRef, systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { emitEvent } from "../../outbox";
import { walletBalances } from "../balances";
import { consumeLots, creditPocket } from "../credit-lots";
import { lockWallets } from "../../ledger/locks";
import { ensureWallet, pocketAccount } from "../wallets";
import { adjustWalletSchema, type AdjustWalletInput, type WalletAdjustment } from "./schemas";

/**
 * A manual correction of a wallet by finance or admin (D4), with a mandatory reason kept as the
 * ADJUSTMENT entry's memo and in the audit log. A positive amount credits a new credit lot (in
 * the pool's pocket or the business pocket, with the given expiry) funded by ADJUSTMENTS. A
 * negative amount takes from unexpired lots, soonest-expiring first and regardless of their
 * product conditions (a correction is not a purchase), of the pool's pocket or of every pocket,
 * to ADJUSTMENTS; open and held funds are not touched. INSUFFICIENT_FUNDS if the lots cannot
 * cover it (nothing written). Blocked contacts can be adjusted: a block stops spending only.
 */
export async function adjustWallet(ctx: DomainContext, input: AdjustWalletInput): Promise<WalletAdjustment> {
  const data = adjustWalletSchema.parse(input);
  if (data.amountMinor > 0 && data.expiresAt && data.expiresAt.getTime() <= Date.now()) {
    throw invalidField("expiresAt", "Choose an expiry in the future.");
  }
  return inTransaction(ctx, async (tx) => {
    const [contact] = await tx.db.select({ mergedIntoId: contacts.mergedIntoId }).from(contacts).where(eq(contacts.id, data.contactId));
    if (!contact) throw notFound("Contact");
    if (contact.mergedIntoId) throw new DomainError("INVALID_STATE", "This contact was merged into another contact; adjust that one.");
    const wallet = await ensureWallet(tx, data.contactId, data.currency);
    await lockWallets(tx, [wallet.id]);
    const adjustmentId = newId();
    const adjustments = await systemAccount(tx, "ADJUSTMENTS", wallet.currency);
    const entry = { kind: "ADJUSTMENT" as const, causeType: "adjustment", causeId: adjustmentId, memo: data.reason };

    let journalEntryId: string;
    let creditLotId: string | null = null;
    if (data.amountMinor > 0) {
      const credited = await creditPocket(tx, {
        wallet,
        pocket: await pocketAccount(tx, wallet, data.commercePoolId ?? null),
        from: adjustments,
        amountMinor: data.amountMinor,
        expiresAt: data.expiresAt ?? null,
        entry,
      });
      journalEntryId = credited.journalEntryId;
      creditLotId = credited.creditLotId;
    } else {
      const debit = -data.amountMinor;
      const pockets = await tx.db
        .select()
        .from(ledgerAccounts)
        .where(
          and(
            eq(ledgerAccounts.walletId, wallet.id),
            eq(ledgerAccounts.kind, "POCKET"),
            data.commercePoolId === undefined ? undefined : eq(ledgerAccounts.commercePoolId, data.commercePoolId),
          ),
        );
      const taken = await consumeLots(tx, { pockets: pockets.map(accountRef), amountMinor: debit, anyProduct: true });
      if (taken.takenMinor < debit) {
        throw new DomainError("INSUFFICIENT_FUNDS", "The pocket's unexpired lots hold less than this adjustment takes.", {
          requestedMinor: debit,
          availableMinor: taken.takenMinor,
        });
      }
      journalEntryId = (await postEntry(tx, { ...entry, postings: [...taken.postings, { account: adjustments, amountMinor: debit }] })).id;
    }

    const facts = {
      adjustmentId,
      walletId: wallet.id,
      contactId: data.contactId,
      currency: wallet.currency,
      amountMinor: data.amountMinor,
      reason: data.reason,
      commercePoolId: data.commercePoolId ?? null,
      expiresAt: data.amountMinor > 0 ? (data.expiresAt ?? null) : null,
      journalEntryId,
      creditLotId,
    };
    await emitEvent(tx, { type: "wallet.adjusted", entityType: "wallet", entityId: wallet.id, payload: facts });
    await recordAudit(tx, { action: "wallet.adjusted", entityType: "wallet", entityId: wallet.id, after: facts });
    return { adjustmentId, walletId: wallet.id, amountMinor: data.amountMinor, journalEntryId, creditLotId, balances: await walletBalances(tx, wallet.id) };
  });
}
