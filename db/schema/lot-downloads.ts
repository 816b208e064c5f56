import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { lots } from "./passes";

/**
 * A one-time link that hands a printed lot's codes to the printing house (D5). Only the token's
 * keyed hash is stored; the token itself exists in the webhook that announced it.
 */
export const lotDownloadLinks = pgTable(
  "lot_download_links",
  {
    id: uuid().primaryKey(),
    lotId: uuid()
      .notNull()
      .references(() => lots.id),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** null: the webhook carrying the link has not been accepted yet. */
    deliveredAt: timestamp({ withTimezone: true }),
    /** null: not downloaded; set: used up, a second download is refused. */
    downloadedAt: timestamp({ withTimezone: true }),
    downloadedFromIp: text(),
    /** Set when a newer link for the same lot replaced this one (a retried webhook). */
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex("lot_download_links_token_hash_uniq").on(t.tokenHash), index("lot_download_links_lot_idx").on(t.lotId)],
);
