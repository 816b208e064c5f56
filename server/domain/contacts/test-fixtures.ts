import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { auditLog, domainEvents } from "@/db/schema";
import type { DomainContext } from "../context";
import { DomainError } from "../errors";
import { unique } from "@/test/db";

/** A UK mobile number unique enough for one test run, in the form people type it. */
export const uniquePhone = () => `+44 7${randomInt(100_000_000, 999_999_999)}`;

export const uniqueEmail = () => `${unique("contact")}@Example.TEST`;

/** The audit entries and outbox events written about one contact, oldest first. */
export async function trailOf(ctx: DomainContext, contactId: string) {
  const [audit, events] = await Promise.all([
    ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "contact"), eq(auditLog.entityId, contactId))).orderBy(auditLog.at),
    ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityType, "contact"), eq(domainEvents.entityId, contactId)))
      .orderBy(domainEvents.seq),
  ]);
  return { actions: audit.map((a) => a.action), audit, eventTypes: events.map((e) => e.type), events };
}

/** Runs a call expected to be refused and returns the DomainError. */
export async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}
