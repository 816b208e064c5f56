import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actorTypes } from "./audit-log";

/**
 * The outbox (D9): every state change writes its event here in the same transaction.
 * `seq` gives consumers a gap-tolerant cursor; rows are never updated except `publishedAt`.
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid().primaryKey(),
    seq: bigserial({ mode: "number" }).notNull(),
    type: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    payload: jsonb().notNull(),
    actorType: text({ enum: actorTypes }).notNull(),
    actorId: uuid(),
    occurredAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
    /** null: not yet handed to the consumers. */
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("domain_events_entity_idx").on(t.entityType, t.entityId, t.occurredAt),
    index("domain_events_seq_idx").on(t.seq),
    index("domain_events_type_idx").on(t.type, t.occurredAt),
  ],
);
