import type { DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { postEntry } from "../../ledger/post-entry";
import { walletBalances } from "../balances";
import { openAccount } from "../wallets";
import type { Adjusting, FundsAdjusted } from "./adjusting";

/**
 * Adjusts the open funds in the caller's transaction, the wallet locked: one entry between
 * ADJUSTMENTS and the OPEN account, with no credit lot (open funds have none, D3). A debit may
 * take only the available open funds: a hold has already moved what it reserves from OPEN to
 * HELD, so the OPEN balance read under the wallet lock is exactly what is available.
 * INSUFFICIENT_FUNDS if it is less, nothing written.
 */
export async function adjustOpenFunds(tx: DomainContext, { wallet, amountMinor, from, entry }: Adjusting): Promise<FundsAdjusted> {
  const open = await openAccount(tx, wallet);
  if (amountMinor < 0) {
    const availableMinor = (await walletBalances(tx, wallet.id)).openMinor;
    if (availableMinor < -amountMinor) {
      throw new DomainError("INSUFFICIENT_FUNDS", "The available open funds are less than this adjustment takes.", {
        requestedMinor: -amountMinor,
        availableMinor,
      });
    }
  }
  const posted = await postEntry(tx, {
    ...entry,
    postings: [
      { account: from, amountMinor: -amountMinor },
      { account: open, amountMinor },
    ],
  });
  return { journalEntryId: posted.id, creditLotId: null };
}
