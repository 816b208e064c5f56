import { pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { roles } from "../../server/domain/users/roles";
import { timestamps } from "./_columns";

export const roleEnum = pgEnum("role", roles);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey(),
    /** Stored lower-cased. */
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    /** scrypt hash in the `scrypt$N$r$p$salt$hash` format. */
    passwordHash: text().notNull(),
    /** null: may sign in; set: disabled at that time. */
    disabledAt: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_uniq").on(t.email)],
);
