import { eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField, notFound } from "../../errors";
import { newId } from "../../ids";
import { systemAccount } from "../../ledger/accounts";
import { lockWallets } from "../../ledger/locks";
import { emitEvent } from "../../outbox";
import { walletBalances } from "../balances";
import { ensureWallet } from "../wallets";
import type { Adjusting } from "./adjusting";
import { adjustCommerceFunds } from "./commerce-funds";
import { adjustOpenFunds } from "./open-funds";
import { adjustWalletSchema, type AdjustWalletInput, type WalletAdjustment } from "./schemas";

/**
 * A manual correction of a wallet by finance or admin (D4), with a mandatory reason kept as the
 * ADJUSTMENT entry's memo and in the audit log; the other side is always ADJUSTMENTS. It corrects
 * either commerce funds (see commerce-funds.ts: a new credit lot, or taken from unexpired lots)
 * or the open funds (see open-funds.ts: never below what is available, held funds excluded).
 * INSUFFICIENT_FUNDS if the chosen funds cannot cover a debit (nothing written). Blocked
 * contacts can be adjusted: a block stops spending only.
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
    const adjusting: Adjusting = {
      wallet,
      amountMinor: data.amountMinor,
      from: await systemAccount(tx, "ADJUSTMENTS", wallet.currency),
      entry: { kind: "ADJUSTMENT", causeType: "adjustment", causeId: adjustmentId, memo: data.reason },
    };
    const { journalEntryId, creditLotId } = data.funds === "OPEN" ? await adjustOpenFunds(tx, adjusting) : await adjustCommerceFunds(tx, adjusting, data);

    const facts = {
      adjustmentId,
      walletId: wallet.id,
      contactId: data.contactId,
      currency: wallet.currency,
      amountMinor: data.amountMinor,
      funds: data.funds,
      reason: data.reason,
      commercePoolId: data.commercePoolId ?? null,
      expiresAt: data.amountMinor > 0 ? (data.expiresAt ?? null) : null,
      journalEntryId,
      creditLotId,
    };
    await emitEvent(tx, { type: "wallet.adjusted", entityType: "wallet", entityId: wallet.id, payload: facts });
    await recordAudit(tx, { action: "wallet.adjusted", entityType: "wallet", entityId: wallet.id, after: facts });
    return { adjustmentId, walletId: wallet.id, amountMinor: data.amountMinor, funds: data.funds, journalEntryId, creditLotId, balances: await walletBalances(tx, wallet.id) };
  });
}
