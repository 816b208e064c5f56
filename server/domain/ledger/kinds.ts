/** Accounts a wallet owns (D3): commerce pockets (business or one per pool), open funds, held funds. */
export const walletAccountKinds = ["POCKET", "OPEN", "HELD"] as const;

/**
 * System accounts (D4), the other side of every wallet movement. They may go below zero: a
 * negative pass liability is value handed out by passes.
 */
export const systemAccountKinds = ["PASS_LIABILITY", "REWARD_FUNDING", "SETTLEMENT", "PAYOUTS", "BREAKAGE", "ADJUSTMENTS"] as const;

export const ledgerAccountKinds = [...walletAccountKinds, ...systemAccountKinds] as const;

export type WalletAccountKind = (typeof walletAccountKinds)[number];
export type SystemAccountKind = (typeof systemAccountKinds)[number];
export type LedgerAccountKind = (typeof ledgerAccountKinds)[number];

export const isWalletAccountKind = (kind: LedgerAccountKind): kind is WalletAccountKind =>
  (walletAccountKinds as readonly string[]).includes(kind);

/** What caused a journal entry (D4): every entry names one, with the cause's id. */
export const journalEntryKinds = [
  "PASS_REDEMPTION",
  "PASS_REDEMPTION_REVERSAL",
  "PASS_REISSUE",
  "AWARD",
  "REDEEM",
  "SPEND",
  "SPEND_REFUND",
  "HOLD",
  "HOLD_CAPTURE",
  "HOLD_RELEASE",
  "PAYOUT",
  "PAYOUT_REVERSAL",
  "EXPIRY",
  "ADJUSTMENT",
] as const;

export type JournalEntryKind = (typeof journalEntryKinds)[number];
