import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const actorTypes = ["user", "api_key", "system"] as const;

/** Append-only (D11): rows are inserted in the same transaction as the change, never updated. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey(),
    at: timestamp({ withTimezone: true }).defaultNow().notNull(),
    actorType: text({ enum: actorTypes }).notNull(),
    /** null for the system actor. */
    actorId: uuid(),
    /** Email of the user or name of the API key at the time, so the log reads without joins. */
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    /** null when the action is not about one entity (e.g. a refused call). */
    entityId: uuid(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId, t.at),
  ],
);
