import { eq } from "drizzle-orm";
import { holds, ledgerAccounts, type HoldSource } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { newId } from "../../ids";
import { emitEvent } from "../../outbox";
import { postEntry, type PostingInput } from "../../ledger/post-entry";
import { consumeLots } from "../credit-lots";
import { lockWallets } from "../../ledger/locks";
import { eligiblePockets, spendingWallet } from "../spending-wallet";
import { heldAccount } from "../wallets";
import { placeHoldSchema, type HoldView, type PlaceHoldInput } from "./schemas";
import { holdView } from "./view";

/**
 * Reserves funds for a purchase estimate (D4, D8) in one HOLD entry moving them into the
 * wallet's HELD account, so they stop being available. Commerce lots are taken first (eligible
 * pockets, unexpired, soonest-expiring first, within their product conditions when a basket is
 * given; see spending-wallet.ts), then open funds for the rest: expiring value is used before universal open funds.
 * Each lot part is posted with its credit lot, and the hold records its sources in order so a
 * release returns every cent to where it came from. All or nothing: INSUFFICIENT_FUNDS if the
 * eligible funds do not cover the amount, SPENDING_BLOCKED for a blocked contact, NOT_FOUND or
 * CURRENCY_MISMATCH without a wallet in the currency.
 */
export async function placeHold(ctx: DomainContext, input: PlaceHoldInput): Promise<HoldView> {
  const data = placeHoldSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { wallet, open } = await spendingWallet(tx, data.contactId, data.currency);
    await lockWallets(tx, [wallet.id]);

    const pockets = await eligiblePockets(tx, wallet.id, { organisationId: data.organisationId, basket: data.basket });
    const lots = await consumeLots(tx, { pockets, amountMinor: data.amountMinor, basket: data.basket });
    const [openRow] = await tx.db.select({ balanceMinor: ledgerAccounts.balanceMinor }).from(ledgerAccounts).where(eq(ledgerAccounts.id, open.id));
    const fromOpen = Math.min(openRow?.balanceMinor ?? 0, data.amountMinor - lots.takenMinor);
    if (lots.takenMinor + fromOpen < data.amountMinor) {
      throw new DomainError("INSUFFICIENT_FUNDS", "Not enough available funds to hold this amount.", {
        requestedMinor: data.amountMinor,
        availableMinor: lots.takenMinor + fromOpen,
      });
    }

    const sources: HoldSource[] = lots.postings.map((p) => ({ accountId: p.account.id, creditLotId: p.creditLotId ?? null, amountMinor: -p.amountMinor }));
    const postings: PostingInput[] = [...lots.postings];
    if (fromOpen > 0) {
      sources.push({ accountId: open.id, creditLotId: null, amountMinor: fromOpen });
      postings.push({ account: open, amountMinor: -fromOpen });
    }
    postings.push({ account: await heldAccount(tx, wallet), amountMinor: data.amountMinor });

    const holdId = newId();
    const entry = await postEntry(tx, { kind: "HOLD", causeType: "hold", causeId: holdId, memo: data.reference ?? null, postings });
    const [row] = await tx.db
      .insert(holds)
      .values({
        id: holdId,
        walletId: wallet.id,
        contactId: data.contactId,
        currency: wallet.currency,
        amountMinor: data.amountMinor,
        expiresAt: new Date(Date.now() + data.expiresInMinutes * 60_000),
        reference: data.reference ?? null,
        organisationId: data.organisationId ?? null,
        sources,
        holdEntryId: entry.id,
      })
      .returning();
    const view = holdView(row!);
    await emitEvent(tx, { type: "hold.placed", entityType: "hold", entityId: holdId, payload: { ...view } });
    await recordAudit(tx, { action: "hold.placed", entityType: "hold", entityId: holdId, after: view });
    return view;
  });
}
