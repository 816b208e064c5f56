import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";

/** Business-wide settings, one row per key; values are validated by the settings schema. */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  ...timestamps,
});
