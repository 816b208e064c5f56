import { eq } from "drizzle-orm";
import { lots, passPlans } from "@/db/schema";
import { queues } from "@/server/jobs/queues";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { enqueueJob } from "../../job-queue";
import { emitEvent } from "../../outbox";
import { passRowTemplate } from "../issue/new-pass-row";
import { openCodeSealer, sealBatch, type CodeSealer } from "./crypto-pool";
import { failureMessage } from "./lot-changes";
import { prepareBatch, writeBatch, type BatchTarget, type PreparedBatch } from "./write-batch";

export interface GenerateLotParams {
  lotId: string;
  batchSize?: number;
  /** Tests: stop after this many batches, as a crash would (the lot stays GENERATING). */
  stopAfterBatches?: number;
  /** Tests and benchmarks: a sealer of their own (default: worker threads, one per core). */
  sealer?: CodeSealer;
}

export type GenerationOutcome = "completed" | "stopped" | "already-completed";

/** Marks the lot GENERATING and returns what every batch needs, or null if there is nothing to do. */
async function claimLot(ctx: DomainContext, lotId: string) {
  return inTransaction(ctx, async (tx) => {
    // Locks the lot so a claim and a running batch do not interleave.
    const [lot] = await tx.db.select().from(lots).where(eq(lots.id, lotId)).for("update");
    if (!lot) throw new Error(`Lot ${lotId} does not exist.`);
    if (lot.generationState === "COMPLETED" || lot.kind !== "PRINTED") return null;
    const [plan] = await tx.db.select().from(passPlans).where(eq(passPlans.id, lot.planId));
    if (!plan) throw new Error(`Plan of lot ${lotId} does not exist.`);
    const startedAt = lot.generationStartedAt ?? new Date();
    await tx.db
      .update(lots)
      .set({ generationState: "GENERATING", generationStartedAt: startedAt, generationError: null })
      .where(eq(lots.id, lot.id));
    if (lot.generationState === "PENDING") {
      await recordAudit(tx, { action: "lot.generation_started", entityType: "lot", entityId: lot.id, after: { quantity: lot.quantity } });
    }
    // Every pass of a lot is issued at the moment its generation first started, so a resumed
    // lot gets the same expiry throughout.
    const valueMinor = plan.valueMode === "FIXED" ? plan.fixedValueMinor : null;
    const target: BatchTarget = {
      lotId: lot.id,
      planId: plan.id,
      format: plan.passcodeFormat,
      template: passRowTemplate(plan, lot, { state: "DRAFT", issuedAt: startedAt, valueMinor }),
    };
    return { target, first: lot.generatedCount, remaining: (lot.quantity ?? 0) - lot.generatedCount };
  });
}

async function completeLot(ctx: DomainContext, lotId: string) {
  await inTransaction(ctx, async (tx) => {
    // Locks the lot: completion happens once, after the last batch.
    const [lot] = await tx.db.select().from(lots).where(eq(lots.id, lotId)).for("update");
    if (!lot || lot.generationState !== "GENERATING" || lot.generatedCount < (lot.quantity ?? 0)) return;
    const [plan] = await tx.db.select().from(passPlans).where(eq(passPlans.id, lot.planId));
    const completedAt = new Date();
    await tx.db.update(lots).set({ generationState: "COMPLETED", generationCompletedAt: completedAt }).where(eq(lots.id, lot.id));
    const facts = { planId: lot.planId, number: lot.number, quantity: lot.quantity, generatedCount: lot.generatedCount };
    await recordAudit(tx, { action: "lot.generation_completed", entityType: "lot", entityId: lot.id, after: facts });
    await emitEvent(tx, { type: "lot.generation_completed", entityType: "lot", entityId: lot.id, payload: facts });
    if (plan?.printingWebhookEnabled) {
      await enqueueJob(tx, queues.printingHouseWebhook, { lotId: lot.id }, { singletonKey: lot.id });
    }
  });
}

async function failLot(ctx: DomainContext, lotId: string, error: unknown) {
  const message = failureMessage(error);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(lots).set({ generationState: "FAILED", generationError: message }).where(eq(lots.id, lotId));
    await recordAudit(tx, { action: "lot.generation_failed", entityType: "lot", entityId: lotId, after: { error: message } });
    await emitEvent(tx, { type: "lot.generation_failed", entityType: "lot", entityId: lotId, payload: { error: message } });
  });
}

/**
 * Batches written at once, each in its own transaction on its own connection: the rows of one go
 * in while the one before commits, so the database works on both cores of a small server.
 */
const writers = 2;

/**
 * Generates (or resumes) a printed lot. The next batches are sealed on the worker threads (one in
 * flight per thread) while earlier ones are written, so the crypto and the database work overlap
 * and memory stays at a few batches whatever the lot size. A failure marks the lot FAILED and is
 * rethrown for the job's retries; running it again resumes where the last committed batch ended.
 */
export async function generateLot(ctx: DomainContext, params: GenerateLotParams): Promise<GenerationOutcome> {
  const batchSize = params.batchSize ?? 10_000;
  const claim = await claimLot(ctx, params.lotId);
  if (!claim) return "already-completed";
  const { target } = claim;
  let remaining = claim.remaining;
  const sealer = params.sealer ?? (await openCodeSealer());
  const writing: Promise<void>[] = [];
  try {
    const sealing: Promise<PreparedBatch>[] = [];
    let sealed = 0;
    const sealAhead = () => {
      while (sealing.length < Math.max(1, sealer.threads) && remaining > 0 && sealed !== params.stopAfterBatches) {
        const count = Math.min(batchSize, remaining);
        remaining -= count;
        sealed++;
        const batch = sealBatch(sealer, target.format, count).then(prepareBatch);
        // Awaited on a later turn of the loop; until then a rejection must not count as unhandled.
        batch.catch(() => undefined);
        sealing.push(batch);
      }
    };
    let first = claim.first;
    sealAhead();
    while (sealing.length > 0) {
      const batch = await sealing.shift()!;
      sealAhead();
      if (writing.length === writers) await writing.shift();
      // Commits after the batch before it, the last one still writing (if any).
      const write = writeBatch(ctx, target, batch, first, writing.at(-1) ?? Promise.resolve());
      write.catch(() => undefined);
      writing.push(write);
      first += batch.ids.length;
    }
    await Promise.all(writing);
    if (sealed === params.stopAfterBatches) return "stopped";
    await completeLot(ctx, params.lotId);
    return "completed";
  } catch (error) {
    // The batches still in flight follow the failed one into rollback; the lot is free after them.
    await Promise.allSettled(writing);
    await failLot(ctx, params.lotId, error);
    throw error;
  } finally {
    if (!params.sealer) await sealer.close();
  }
}
