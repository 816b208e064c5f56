import { eq, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import { lots, passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { newId } from "../../ids";
import type { PasscodeFormat } from "../codes/format";
import type { PassRowTemplate } from "../issue/new-pass-row";
import { sealNewCodes, type SealedCodes } from "./sealed-codes";

interface BatchRows extends SealedCodes {
  seqs: number[];
}

/**
 * One multi-row INSERT of the batch (columns as arrays, unnested): the speed of a bulk load on
 * both PostgreSQL and PGlite. A code whose hash already exists is skipped, not an error;
 * returns the lot positions that were written.
 */
async function insertRows(ctx: DomainContext, template: PassRowTemplate, rows: BatchRows): Promise<Set<number>> {
  const ids = rows.seqs.map(() => newId());
  const result = await ctx.db.execute(sql`
    insert into passes (id, plan_id, lot_id, lot_seq, code_hash, code_ciphertext, code_mask, state, currency,
      initial_value_minor, remaining_value_minor, max_uses, expires_at, custom_fields, issued_at, activated_at)
    select r.id, ${template.planId}::uuid, ${template.lotId}::uuid, r.seq, r.hash, r.ciphertext, r.mask,
      ${template.state}::pass_state, ${template.currency ?? null}::char(3), ${template.initialValueMinor ?? null}::bigint,
      ${template.remainingValueMinor ?? null}::bigint, ${template.maxUses ?? 1}::int, ${template.expiresAt?.toISOString() ?? null}::timestamptz,
      ${JSON.stringify(template.customFields ?? {})}::jsonb, ${template.issuedAt?.toISOString() ?? null}::timestamptz,
      ${template.activatedAt?.toISOString() ?? null}::timestamptz
    from unnest(${arrayLiteral(ids)}::uuid[], ${arrayLiteral(rows.seqs)}::int[], ${arrayLiteral(rows.hashes)}::text[],
      ${arrayLiteral(rows.ciphertexts)}::text[], ${arrayLiteral(rows.masks)}::text[]) as r(id, seq, hash, ciphertext, mask)
    on conflict (code_hash) do nothing
    returning lot_seq`);
  return new Set(rowsOf<{ lot_seq: number }>(result).map((r) => r.lot_seq));
}

/** A collision is one draw in a million at worst (code space guard); ten in a row means a bug. */
const maxRedraws = 10;

export interface BatchTarget {
  lotId: string;
  planId: string;
  format: PasscodeFormat;
  template: PassRowTemplate;
}

/**
 * Writes the next passes of a lot in one transaction, with the lot's progress and the plan's
 * issued count: a crash loses at most the batch in flight, and a restart resumes at
 * `generatedCount`. The lot row is locked, so two generators of one lot cannot interleave.
 * Returns how many passes were written (fewer than sealed when the lot fills up).
 */
export async function writeBatch(ctx: DomainContext, target: BatchTarget, sealed: SealedCodes): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    // Locks the lot: its generatedCount decides the positions of this batch.
    const [lot] = await tx.db.select().from(lots).where(eq(lots.id, target.lotId)).for("update");
    if (!lot || lot.generationState !== "GENERATING") {
      throw new DomainError("INVALID_STATE", "This lot is not being generated.");
    }
    const take = Math.min(sealed.hashes.length, (lot.quantity ?? 0) - lot.generatedCount);
    if (take <= 0) return 0;
    let rows: BatchRows = {
      seqs: Array.from({ length: take }, (_, i) => lot.generatedCount + i),
      hashes: sealed.hashes.slice(0, take),
      ciphertexts: sealed.ciphertexts.slice(0, take),
      masks: sealed.masks.slice(0, take),
    };
    for (let round = 0; rows.seqs.length > 0; round++) {
      if (round > maxRedraws) throw new Error(`Lot ${lot.id}: codes kept colliding; check the plan's code space.`);
      const written = await insertRows(tx, target.template, rows);
      const missing = rows.seqs.filter((seq) => !written.has(seq));
      rows = { seqs: missing, ...sealNewCodes(target.format, missing.length) };
    }
    await tx.db.update(lots).set({ generatedCount: sql`${lots.generatedCount} + ${take}` }).where(eq(lots.id, lot.id));
    await tx.db.update(passPlans).set({ issuedCount: sql`${passPlans.issuedCount} + ${take}` }).where(eq(passPlans.id, target.planId));
    return take;
  });
}
