import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { passes } from "./passes";

/**
 * One-time codes a redemption must present when its plan requires OTP verification (D5):
 * 6 digits sent to the contact, valid 5 minutes, at most 5 tries. Only the keyed hash is stored.
 * A newer request supersedes the older ones of the same pass.
 */
export const passOtps = pgTable(
  "pass_otps",
  {
    id: uuid().primaryKey(),
    passId: uuid()
      .notNull()
      .references(() => passes.id),
    /** Keyed HMAC bound to the pass id (see redeem/otp.ts). */
    otpHash: text().notNull(),
    /** Wrong tries so far; at 5 the OTP is spent. */
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** null: still usable; set when a redemption used it or a newer OTP replaced it. */
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("pass_otps_pass_idx").on(t.passId, t.createdAt)],
);
