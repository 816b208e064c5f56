import { format } from "date-fns";
import { formatMoney } from "@/server/domain/money";
import type { TimelineEntry } from "@/server/domain/passes/history/timeline";

export const when = (date: Date | null) => (date ? format(date, "d MMM yyyy, HH:mm") : "—");

export const moneyLabel = (minor: number | null | undefined, currency: string | null | undefined) =>
  minor == null || !currency ? "—" : formatMoney({ amountMinor: minor, currency });

const actionLabels: Record<string, string> = {
  "pass.issued": "Issued",
  "pass.activated": "Activated",
  "pass.sent": "Sent",
  "pass.resent": "Re-sent",
  "pass.redeemed": "Redeemed",
  "pass.cancelled": "Cancelled",
  "pass.expired": "Expired",
  "pass.expiry_changed": "Expiry changed",
  "pass.value_changed": "Value changed",
  "pass.pin_set": "PIN set",
  "pass.pin_reset": "PIN reset",
  "pass.custom_fields_changed": "Custom fields changed",
  "pass.redemption_failed": "Redemption attempt failed",
  "pass.redemption_refused": "Redemption refused",
  "pass.replaced": "Issued in place of a lost pass",
  "pass.redemption_reversed": "Redemption rolled back",
  "lot.generation_completed": "Generated with its lot",
  "lot.activated": "Lot activated",
  "lot.cancelled": "Lot cancelled",
};

export const actionLabel = (action: string) => actionLabels[action] ?? action;

const failureReasons: Record<string, string> = { UNKNOWN_CODE: "unknown code", WRONG_PIN: "wrong PIN", WRONG_OTP: "wrong one-time code" };

const dateOnly = (iso: string | null | undefined) => (iso ? format(new Date(iso), "d MMM yyyy") : "none");

/** One line of plain words about a timeline entry's facts (never raw JSON). */
export function timelineSummary({ action, facts }: TimelineEntry): string | null {
  switch (action) {
    case "pass.redeemed":
      return facts.amountMinor != null ? `${moneyLabel(facts.amountMinor, facts.currency)}${facts.terminalId ? ` at terminal ${facts.terminalId}` : ""}` : facts.terminalId ? `At terminal ${facts.terminalId}` : null;
    case "pass.expiry_changed":
      return `${dateOnly(facts.expiresAtBefore)} → ${dateOnly(facts.expiresAtAfter)}`;
    case "pass.value_changed":
      return `${moneyLabel(facts.valueBefore, facts.currency)} → ${moneyLabel(facts.valueAfter, facts.currency)}`;
    case "pass.activated":
      return facts.valueAfter != null ? `Value ${moneyLabel(facts.valueAfter, facts.currency)}` : null;
    case "pass.redemption_failed":
      return facts.reason ? `Reason: ${failureReasons[facts.reason] ?? facts.reason}` : null;
    case "pass.redemption_refused":
      return facts.message ?? null;
    case "pass.cancelled":
      return facts.reason ? `Reason: ${facts.reason}` : null;
    case "pass.sent":
    case "pass.resent":
      return [facts.channels?.join(" and "), facts.recipientCorrected ? "to a corrected recipient" : null].filter(Boolean).join(" ") || null;
    case "lot.generation_completed":
    case "lot.activated":
    case "lot.cancelled":
      return facts.lotNumber ? `Lot ${facts.lotNumber}` : null;
    default:
      return null;
  }
}
