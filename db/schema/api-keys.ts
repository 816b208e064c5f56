import { index, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { users } from "./users";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    /** The first characters of the key, safe to show so people can tell keys apart. */
    prefix: text().notNull(),
    /** HMAC-SHA-256 of the whole key; the key itself is shown once and never stored. */
    keyHash: text().notNull(),
    scopes: text().array().notNull(),
    createdBy: uuid().references(() => users.id),
    /** null: usable; set: revoked at that time. */
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("api_keys_key_hash_uniq").on(t.keyHash), index("api_keys_created_at_idx").on(t.createdAt)],
);
