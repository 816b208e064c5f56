import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns";
import { contacts } from "./contacts";
import { passes } from "./passes";

export const messageChannelEnum = pgEnum("message_channel", ["EMAIL", "SMS"]);
export const messagePurposeEnum = pgEnum("message_purpose", ["PASS_DELIVERY", "PASS_RESEND", "OTP"]);
export const messageStatusEnum = pgEnum("message_status", ["QUEUED", "SENT", "FAILED"]);

/**
 * The send log of D9: one row per message, written with the command that asked for it and
 * updated by each delivery attempt. A message may carry a plain passcode or OTP, so its subject
 * and body exist here only as one AES-256-GCM ciphertext, decrypted at the moment of sending.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey(),
    channel: messageChannelEnum().notNull(),
    purpose: messagePurposeEnum().notNull(),
    /** Email address or phone number the message goes to. */
    recipient: text().notNull(),
    /** `encryptCode` of the JSON `{ subject, body }`; never stored or shown in plain text. */
    contentCiphertext: text().notNull(),
    /** null: not about a pass (e.g. an OTP for a wallet code). */
    passId: uuid().references(() => passes.id),
    /** null: sent to a bare address, not to a known contact. */
    contactId: uuid().references(() => contacts.id),
    /** QUEUED until delivered (SENT) or out of retries (FAILED); a failed attempt that will be retried stays QUEUED. */
    status: messageStatusEnum().notNull().default("QUEUED"),
    attempts: integer().notNull().default(0),
    /** The transport's error of the latest failed attempt; null after a success. */
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("messages_created_at_idx").on(t.createdAt),
    index("messages_pass_idx").on(t.passId, t.createdAt),
    index("messages_status_idx").on(t.status, t.createdAt),
  ],
);
