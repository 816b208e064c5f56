import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { domainEvents } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { newId } from "../../ids";

interface ExpiredRow {
  id: string;
  plan_id: string;
  code_mask: string;
  remaining_value_minor: string | number | null;
  currency: string | null;
}

/**
 * ACTIVE passes whose pass validity has passed become EXPIRED (D5), in set-based batches: one
 * UPDATE per batch over the partial index of active expiries (SKIP LOCKED leaves passes being
 * redeemed right now to the next run), one multi-row insert of `pass.expired` events and one
 * audit entry per batch, each batch its own transaction. Returns how many passes expired.
 */
export async function expirePasses(ctx: DomainContext, options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 5000;
  let total = 0;
  for (;;) {
    const expired = await inTransaction(ctx, async (tx) => {
      const rows = rowsOf<ExpiredRow>(
        await tx.db.execute(sql`
          with due as (
            select id from passes
            where state = 'ACTIVE' and expires_at <= ${now.toISOString()}::timestamptz
            order by expires_at
            limit ${batchSize}
            for update skip locked
          )
          update passes p set state = 'EXPIRED', expired_at = ${now.toISOString()}::timestamptz, updated_at = now()
          from due where p.id = due.id
          returning p.id, p.plan_id, p.code_mask, p.remaining_value_minor, p.currency`),
      );
      if (rows.length === 0) return 0;
      await tx.db.insert(domainEvents).values(
        rows.map((row) => ({
          id: newId(),
          type: "pass.expired",
          entityType: "pass",
          entityId: row.id,
          payload: {
            passId: row.id,
            planId: row.plan_id,
            codeMask: row.code_mask,
            state: "EXPIRED",
            remainingValueMinor: row.remaining_value_minor === null ? null : Number(row.remaining_value_minor),
            currency: row.currency,
          },
          actorType: tx.actor.type,
          actorId: tx.actor.id,
        })),
      );
      await recordAudit(tx, { action: "pass.expired_batch", entityType: "pass", after: { count: rows.length, passIds: rows.map((r) => r.id), expiredAt: now } });
      return rows.length;
    });
    total += expired;
    if (expired < batchSize) return total;
  }
}
