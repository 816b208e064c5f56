import type { payoutRequests } from "@/db/schema";
import type { PayoutView } from "../operation-schemas";

export type PayoutRow = typeof payoutRequests.$inferSelect;

export const payoutView = (row: PayoutRow): PayoutView => ({
  payoutId: row.id,
  walletId: row.walletId,
  contactId: row.contactId,
  currency: row.currency,
  amountMinor: row.amountMinor,
  state: row.state,
  requestedByLabel: row.requestedByLabel,
  decidedByLabel: row.decidedByLabel,
  decidedAt: row.decidedAt,
  providerReference: row.providerReference,
  reason: row.reason,
  createdAt: row.createdAt,
});
