import { domainEvents } from "@/db/schema";
import type { DomainContext } from "./context";
import { newId } from "./ids";

export interface DomainEventInput {
  type: string;
  entityType: string;
  entityId: string | null;
  payload?: Record<string, unknown>;
}

/** Writes a domain event in the caller's transaction (the outbox of D9): it exists iff the change does. */
export async function emitEvent(ctx: DomainContext, event: DomainEventInput): Promise<void> {
  await ctx.db.insert(domainEvents).values({
    id: newId(),
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    payload: event.payload ?? {},
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
  });
}
