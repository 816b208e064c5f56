import { format } from "date-fns";
import type { JournalEntryKind, WalletAccountKind } from "@/server/domain/ledger/kinds";
import { formatMoney } from "@/server/domain/money";

export const money = (minor: number, currency: string) => formatMoney({ amountMinor: minor, currency });

export const day = (date: Date | null) => (date ? format(date, "d MMM yyyy") : "Never");
export const moment = (date: Date) => format(date, "d MMM yyyy, HH:mm");

export const entryKindLabels: Record<JournalEntryKind, string> = {
  PASS_REDEMPTION: "Pass redemption",
  PASS_REDEMPTION_REVERSAL: "Pass redemption reversed",
  PASS_REISSUE: "Pass reissue",
  AWARD: "Award",
  REDEEM: "Redeem to open funds",
  SPEND: "Spend",
  SPEND_REFUND: "Spend refund",
  HOLD: "Hold",
  HOLD_CAPTURE: "Hold captured",
  HOLD_RELEASE: "Hold released",
  PAYOUT: "Payout",
  PAYOUT_REVERSAL: "Payout reversed",
  EXPIRY: "Expiry",
  ADJUSTMENT: "Adjustment",
};

/** Which wallet account a line moved: a pocket by its pool, open or held funds. */
export function accountLabel(account: WalletAccountKind, poolName: string | null, commercePoolId: string | null): string {
  if (account === "OPEN") return "Open funds";
  if (account === "HELD") return "Held";
  return commercePoolId ? `Pool: ${poolName ?? "unknown pool"}` : "Business pocket";
}

const sourceLabels: Record<string, string> = {
  pass_redemption: "Pass redemption",
  adjustment: "Adjustment",
  award: "Award",
  refund: "Refund",
};

export const sourceLabel = (sourceType: string) => sourceLabels[sourceType] ?? sourceType.replace(/_/g, " ");
