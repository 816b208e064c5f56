import type { PassPlanRow } from "../actions/pass-row";
import type { WalletBalances } from "../../wallet/balances";

/** What a gift/top-up redemption hands to the wallet: D5 step 2's inputs. */
export interface RedemptionCredit {
  redemptionId: string;
  passId: string;
  plan: Pick<
    PassPlanRow,
    "id" | "type" | "currency" | "commercePoolId" | "valueValidityKind" | "valueValidUntil" | "valueValidityCount" | "valueValidityUnit" | "productSkus" | "productFamilyIds"
  >;
  /** The registered contact redeeming; null: a gift for someone unknown (a nameless contact is made). */
  contactId: string | null;
  amountMinor: number;
  currency: string;
}

/** What the wallet reports back once it credits: the lot it made and the wallet's new balances. */
export interface WalletCredit {
  /** The contact credited: the one named, or the nameless contact the gift created. */
  contactId: string;
  walletId: string;
  creditLotId: string;
  journalEntryId: string;
  creditedMinor: number;
  balances: WalletBalances;
}
