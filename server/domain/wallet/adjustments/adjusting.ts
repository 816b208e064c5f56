import type { AccountRef } from "../../ledger/accounts";
import type { JournalEntryKind } from "../../ledger/kinds";
import type { Wallet } from "../wallets";

/** One adjustment as the funds it corrects receive it: the wallet is locked, ADJUSTMENTS is the other side. */
export interface Adjusting {
  wallet: Wallet;
  /** Signed: positive credits the funds, negative takes from them. */
  amountMinor: number;
  from: AccountRef;
  entry: { kind: JournalEntryKind; causeType: string; causeId: string; memo: string };
}

export interface FundsAdjusted {
  journalEntryId: string;
  /** Commerce credits: the new lot; otherwise null. */
  creditLotId: string | null;
}
