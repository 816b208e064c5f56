import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, domainEvents } from "@/db/schema";
import type { DomainContext } from "../context";
import { DomainError } from "../errors";
import { createCurrency, type Currency } from "./currencies";
import { createOrganisation } from "./organisations";

export { refusal } from "../contacts/test-fixtures";

/** The audit actions and outbox event types written about one entity, oldest first. */
export async function trailOf(ctx: DomainContext, entityType: string, entityId: string) {
  const [audit, events] = await Promise.all([
    ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId))).orderBy(auditLog.at),
    ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityType, entityType), eq(domainEvents.entityId, entityId)))
      .orderBy(domainEvents.seq),
  ]);
  return { actions: audit.map((a) => a.action), audit, eventTypes: events.map((e) => e.type), events };
}

/** The same trail for a currency, whose entries carry its code instead of an id. */
export async function currencyTrail(ctx: DomainContext, code: string) {
  const [audit, events] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "currency"), sql`${auditLog.after}->>'currencyCode' = ${code}`))
      .orderBy(auditLog.at),
    ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityType, "currency"), sql`${domainEvents.payload}->'after'->>'currencyCode' = ${code}`))
      .orderBy(domainEvents.seq),
  ]);
  return { actions: audit.map((a) => a.action), audit, eventTypes: events.map((e) => e.type) };
}

/** The field a refusal names, for forms. */
export const fieldOf = (err: DomainError) => Object.keys((err.details?.fieldErrors as Record<string, unknown>) ?? {});

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A new currency with a random code no other test of the run holds. Test files share one database,
 * so fixed codes such as EUR would collide between files.
 */
export async function uniqueCurrency(ctx: DomainContext, minorUnits = 2): Promise<Currency> {
  for (;;) {
    const code = Array.from({ length: 3 }, () => letters[randomInt(letters.length)]).join("");
    const created = await createCurrency(ctx, { code, name: `Test ${code}`, minorUnits, isBusinessCurrency: false }).catch(
      (err: unknown) => {
        if (err instanceof DomainError && fieldOf(err).includes("code")) return null;
        throw err;
      },
    );
    if (created) return created;
  }
}

/** A live merchant. */
export const newMerchant = (ctx: DomainContext, name: string) => createOrganisation(ctx, { kind: "merchant", name });

/** A live venue under the merchant. */
export const newVenue = (ctx: DomainContext, parentId: string, name: string) =>
  createOrganisation(ctx, { kind: "venue", name, parentId });

/** Runs the steps in a transaction that is then rolled back, so business-wide state stays as it was. */
export async function rolledBack(ctx: DomainContext, steps: (tx: DomainContext) => Promise<void>): Promise<void> {
  const rollback = new Error("rollback");
  await ctx.db
    .transaction(async (tx) => {
      await steps({ ...ctx, db: tx });
      throw rollback;
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err;
    });
}
