import { eq, sql, type SQL } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import { lots, passPlans } from "@/db/schema";
import { isUniqueViolation } from "@/db/unique-violation";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { newIds } from "../../ids";
import type { PasscodeFormat } from "../codes/format";
import type { PassRowTemplate } from "../issue/new-pass-row";
import type { SealedBatch } from "./crypto-pool";
import { columnsOf, sealNewCodes, type SealedCodes } from "./sealed-codes";

/** The varying columns of passes to insert, each as one PostgreSQL array literal. */
interface RowArrays {
  ids: string;
  seqs: string;
  hashes: string;
  ciphertexts: string;
  masks: string;
}

/**
 * A sealed batch with the ids of its passes, drawn as it is sealed: batches are sealed in order,
 * so a lot's passes sort by position whatever happens at writing (a redrawn code keeps its id).
 */
export interface PreparedBatch extends SealedBatch {
  ids: string[];
}

export const prepareBatch = (batch: SealedBatch): PreparedBatch => ({ ...batch, ids: newIds(batch.columns.count) });

// UUIDs need no quotes in an array literal.
const idsLiteral = (ids: string[]) => `{${ids.join(",")}}`;

const codeHashIndex = "passes_code_hash_uniq";
const skipCollisions = sql`on conflict (code_hash) do nothing returning lot_seq`;

/**
 * One multi-row INSERT of the batch (columns as arrays, unnested): the speed of a bulk load on both
 * PostgreSQL and PGlite. `tail` is empty (a colliding code fails the statement) or `skipCollisions`.
 */
function insertRows(ctx: DomainContext, template: PassRowTemplate, rows: RowArrays, tail: SQL) {
  return ctx.db.execute(sql`
    insert into passes (id, plan_id, lot_id, lot_seq, code_hash, code_ciphertext, code_mask, state, currency,
      initial_value_minor, remaining_value_minor, max_uses, expires_at, custom_fields, issued_at, activated_at)
    select r.id, ${template.planId}::uuid, ${template.lotId}::uuid, r.seq, r.hash, r.ciphertext, r.mask,
      ${template.state}::pass_state, ${template.currency ?? null}::char(3), ${template.initialValueMinor ?? null}::bigint,
      ${template.remainingValueMinor ?? null}::bigint, ${template.maxUses ?? 1}::int, ${template.expiresAt?.toISOString() ?? null}::timestamptz,
      ${JSON.stringify(template.customFields ?? {})}::jsonb, ${template.issuedAt?.toISOString() ?? null}::timestamptz,
      ${template.activatedAt?.toISOString() ?? null}::timestamptz
    from unnest(${rows.ids}::uuid[], ${rows.seqs}::int[], ${rows.hashes}::text[],
      ${rows.ciphertexts}::text[], ${rows.masks}::text[]) as r(id, seq, hash, ciphertext, mask)
    ${tail}`);
}

const positions = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

/**
 * Inserts the whole batch at positions `first`… in a savepoint; false, with nothing of the batch
 * written, when a code collides with a stored one or another of the batch. A plain INSERT and not
 * ON CONFLICT DO NOTHING, which probes the code-hash index for every row before inserting it: that
 * was a tenth of the database's time per pass, to catch about one draw in a million.
 */
async function insertWhole(ctx: DomainContext, template: PassRowTemplate, batch: PreparedBatch, first: number): Promise<boolean> {
  const { hashes, ciphertexts, masks, count } = batch.columns;
  const rows = { ids: idsLiteral(batch.ids), seqs: arrayLiteral(positions(first, count)), hashes, ciphertexts, masks };
  try {
    await ctx.db.transaction((savepoint) => insertRows({ ...ctx, db: savepoint }, template, rows, sql.empty()));
    return true;
  } catch (error) {
    if (isUniqueViolation(error, codeHashIndex)) return false;
    throw error;
  }
}

/** A collision is one draw in a million at worst (code space guard); ten in a row means a bug. */
const maxRedraws = 10;

/**
 * Inserts the codes at the positions `first`…, drawing new codes for those whose hash exists
 * already; `ids[i]` stays the id of position `first + i`.
 */
async function insertSkippingCollisions(ctx: DomainContext, target: BatchTarget, first: number, ids: string[], codes: SealedCodes) {
  let seqs = positions(first, ids.length);
  for (let round = 0; seqs.length > 0; round++) {
    if (round > maxRedraws) throw new Error(`Lot ${target.lotId}: codes kept colliding; check the plan's code space.`);
    const rows = { ...columnsOf(codes), ids: idsLiteral(seqs.map((seq) => ids[seq - first]!)), seqs: arrayLiteral(seqs) };
    const written = new Set(rowsOf<{ lot_seq: number }>(await insertRows(ctx, target.template, rows, skipCollisions)).map((r) => r.lot_seq));
    seqs = seqs.filter((seq) => !written.has(seq));
    codes = sealNewCodes(target.format, seqs.length);
  }
}

export interface BatchTarget {
  lotId: string;
  planId: string;
  format: PasscodeFormat;
  template: PassRowTemplate;
}

/**
 * Writes a batch of a lot at positions `first`… in one transaction, with the lot's progress and
 * the plan's issued count: a crash loses at most the batches in flight, and a restart resumes at
 * `generatedCount`. The rows go in first; then, once `previous` (the batch before, on another
 * connection) has committed, the lot is locked and must stand at `first`. So batches commit in
 * order, generatedCount is always a whole prefix of the lot, and a second generator of the same
 * lot fails instead of interleaving.
 */
export async function writeBatch(ctx: DomainContext, target: BatchTarget, batch: PreparedBatch, first: number, previous: Promise<unknown>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await insertWhole(tx, target.template, batch, first))) {
      // The batch's own codes where the sealer handed them over, else fresh ones: none was stored.
      const codes = batch.codes ?? sealNewCodes(target.format, batch.ids.length);
      await insertSkippingCollisions(tx, target, first, batch.ids, codes);
    }
    await previous;
    // Locks the lot for its progress. Not FOR UPDATE: that waits for the KEY SHARE lock the
    // foreign-key checks of the next batch's rows hold on the lot, while that batch waits for this one.
    const [lot] = await tx.db.select().from(lots).where(eq(lots.id, target.lotId)).for("no key update");
    if (!lot || lot.generationState !== "GENERATING") throw new DomainError("INVALID_STATE", "This lot is not being generated.");
    if (lot.generatedCount !== first) throw new DomainError("INVALID_STATE", "Another generation of this lot is writing its passes.");
    const count = batch.ids.length;
    await tx.db.update(lots).set({ generatedCount: sql`${lots.generatedCount} + ${count}` }).where(eq(lots.id, lot.id));
    await tx.db.update(passPlans).set({ issuedCount: sql`${passPlans.issuedCount} + ${count}` }).where(eq(passPlans.id, target.planId));
  });
}
