import type { holds } from "@/db/schema";
import type { HoldView } from "./schemas";

export type HoldRow = typeof holds.$inferSelect;

export const holdView = (row: HoldRow): HoldView => ({
  holdId: row.id,
  walletId: row.walletId,
  contactId: row.contactId,
  currency: row.currency,
  amountMinor: row.amountMinor,
  capturedMinor: row.capturedMinor,
  state: row.state,
  expiresAt: row.expiresAt,
  reference: row.reference,
  holdEntryId: row.holdEntryId,
  closingEntryId: row.closingEntryId,
});
