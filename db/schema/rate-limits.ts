import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of rate-limiter-flexible's RateLimiterDrizzle, kept in PostgreSQL so every app server
 * sees the same counts. Column names are the library's.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  /** null: never expires. */
  expire: timestamp({ withTimezone: true }),
});
