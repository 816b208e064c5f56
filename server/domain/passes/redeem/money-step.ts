import type { DomainContext } from "../../context";
import type { PassPlanRow } from "../actions/pass-row";

/** What a gift/top-up redemption hands to the wallet: D5 step 2's inputs. */
export interface RedemptionCredit {
  redemptionId: string;
  passId: string;
  plan: Pick<
    PassPlanRow,
    "id" | "currency" | "commercePoolId" | "valueValidityKind" | "valueValidUntil" | "valueValidityCount" | "valueValidityUnit" | "productSkus" | "productFamilyIds"
  >;
  /** The registered contact redeeming; null: a gift for someone unknown (a nameless contact is made). */
  contactId: string | null;
  amountMinor: number;
  currency: string;
}

/** What the wallet reports back once it credits: the lot it made and the new balance. */
export interface WalletCredit {
  contactId: string;
  walletId: string;
  creditLotId: string;
  journalEntryId: string;
  balanceMinor: number;
}

/**
 * The money step of a gift/top-up redemption (D5 step 2), run inside the redemption's
 * transaction after the pass is consumed, so a refused credit (CURRENCY_MISMATCH, …) rolls the
 * whole redemption back. Not built yet: the wallet issue (issue 4) credits the contact's wallet
 * here. Until then nothing is credited — the result is null and callers report only the
 * unlocked value.
 */
export async function creditWallet(_tx: DomainContext, _credit: RedemptionCredit): Promise<WalletCredit | null> {
  return null;
}
