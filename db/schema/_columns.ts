import { timestamp } from "drizzle-orm/pg-core";

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp({ withTimezone: true })
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date()),
};

/** null: live; set: archived at that time (hidden from pickers, kept for history). */
export const archivable = {
  archivedAt: timestamp({ withTimezone: true }),
};
