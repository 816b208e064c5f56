import { and, eq } from "drizzle-orm";
import { ledgerAccounts } from "@/db/schema";
import type { DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { accountRef } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { consumeLots, creditPocket } from "../credit-lots";
import { pocketAccount } from "../wallets";
import type { Adjusting, FundsAdjusted } from "./adjusting";

/**
 * Adjusts commerce funds in the caller's transaction, the wallet locked. A credit is a new credit
 * lot in the pool's pocket or the business pocket, with the given expiry. A debit takes from
 * unexpired lots, soonest-expiring first and regardless of their product conditions (a
 * correction is not a purchase), of the pool's pocket or of every pocket; INSUFFICIENT_FUNDS if
 * they hold less.
 */
export async function adjustCommerceFunds(tx: DomainContext, adjusting: Adjusting, terms: { commercePoolId?: string; expiresAt?: Date }): Promise<FundsAdjusted> {
  const { wallet, amountMinor, from, entry } = adjusting;
  if (amountMinor > 0) {
    const credited = await creditPocket(tx, {
      wallet,
      pocket: await pocketAccount(tx, wallet, terms.commercePoolId ?? null),
      from,
      amountMinor,
      expiresAt: terms.expiresAt ?? null,
      entry,
    });
    return { journalEntryId: credited.journalEntryId, creditLotId: credited.creditLotId };
  }
  const debit = -amountMinor;
  const pockets = await tx.db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.walletId, wallet.id),
        eq(ledgerAccounts.kind, "POCKET"),
        terms.commercePoolId === undefined ? undefined : eq(ledgerAccounts.commercePoolId, terms.commercePoolId),
      ),
    );
  const taken = await consumeLots(tx, { pockets: pockets.map(accountRef), amountMinor: debit, anyProduct: true });
  if (taken.takenMinor < debit) {
    throw new DomainError("INSUFFICIENT_FUNDS", "The pocket's unexpired lots hold less than this adjustment takes.", {
      requestedMinor: debit,
      availableMinor: taken.takenMinor,
    });
  }
  const posted = await postEntry(tx, { ...entry, postings: [...taken.postings, { account: from, amountMinor: debit }] });
  return { journalEntryId: posted.id, creditLotId: null };
}
