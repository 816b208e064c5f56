import { and, eq, gt, sql } from "drizzle-orm";
import { holds, type HoldSource } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField, notFound } from "../../errors";
import { accountRef, systemAccount } from "../../ledger/accounts";
import { postEntry, type PostingInput } from "../../ledger/post-entry";
import { emitEvent } from "../../outbox";
import { restoreLots } from "../credit-lots";
import { lockWallets } from "../../ledger/locks";
import { walletAccounts } from "../wallets";
import { captureHoldSchema, releaseHoldSchema, type CaptureHoldInput, type HoldView, type ReleaseHoldInput } from "./schemas";
import type { HoldState } from "./states";
import { holdView } from "./view";

/**
 * The parts of a hold's sources that `amountMinor` returns, taken in reverse consumption order:
 * what was taken last goes back first, so a partial capture keeps the soonest-expiring lots.
 */
export function partsToReturn(sources: readonly HoldSource[], amountMinor: number): HoldSource[] {
  const parts: HoldSource[] = [];
  let left = amountMinor;
  for (const source of [...sources].reverse()) {
    if (left <= 0) break;
    const part = Math.min(source.amountMinor, left);
    parts.push({ ...source, amountMinor: part });
    left -= part;
  }
  return parts;
}

interface Closing {
  state: Exclude<HoldState, "ACTIVE">;
  capturedMinor: number;
  /** Capture only: refuse a hold whose time ran out even if the expiry job has not run yet. */
  notExpiredAt?: Date;
}

/**
 * Ends an ACTIVE hold in the caller's transaction: the conditional update (`state = 'ACTIVE'`)
 * makes a second capture, release or expiry find nothing (INVALID_STATE), then one entry moves
 * the whole HELD amount out: the captured part to settlement, the rest back to its sources (lot
 * parts restored into their credit lots, open funds to OPEN).
 */
async function closeHold(ctx: DomainContext, holdId: string, closing: Closing): Promise<HoldView> {
  const [hold] = await ctx.db.select().from(holds).where(eq(holds.id, holdId));
  if (!hold) throw notFound("Hold");
  await lockWallets(ctx, [hold.walletId]);
  const [closed] = await ctx.db
    .update(holds)
    .set({ state: closing.state, capturedMinor: closing.capturedMinor, closedAt: sql`now()` })
    .where(and(eq(holds.id, holdId), eq(holds.state, "ACTIVE"), closing.notExpiredAt ? gt(holds.expiresAt, closing.notExpiredAt) : undefined))
    .returning();
  if (!closed) {
    const [current] = await ctx.db.select({ state: holds.state }).from(holds).where(eq(holds.id, holdId));
    const state = current?.state ?? hold.state;
    throw new DomainError("INVALID_STATE", state === "ACTIVE" ? "This hold has expired." : `This hold is already ${state.toLowerCase()}.`, { state });
  }

  const accounts = new Map((await walletAccounts(ctx, hold.walletId)).map((a) => [a.id, a]));
  const held = [...accounts.values()].find((a) => a.kind === "HELD");
  if (!held) throw new Error(`Wallet ${hold.walletId} has no HELD account.`);
  const returned = partsToReturn(closed.sources, closed.amountMinor - closing.capturedMinor);
  await restoreLots(
    ctx,
    returned.filter((p) => p.creditLotId).map((p) => ({ lotId: p.creditLotId!, amountMinor: p.amountMinor })),
  );
  const postings: PostingInput[] = [{ account: accountRef(held), amountMinor: -closed.amountMinor }];
  if (closing.capturedMinor > 0) {
    postings.push({ account: await systemAccount(ctx, "SETTLEMENT", closed.currency), amountMinor: closing.capturedMinor });
  }
  for (const part of returned) {
    const account = accounts.get(part.accountId);
    if (!account) throw new Error(`Account ${part.accountId} is not in wallet ${hold.walletId}.`);
    postings.push({ account: accountRef(account), amountMinor: part.amountMinor, creditLotId: part.creditLotId });
  }
  const capture = closing.state === "CAPTURED";
  const entry = await postEntry(ctx, {
    kind: capture ? "HOLD_CAPTURE" : "HOLD_RELEASE",
    causeType: "hold",
    causeId: holdId,
    reversesEntryId: capture ? null : closed.holdEntryId,
    memo: closing.state === "EXPIRED" ? "hold expired" : closed.reference,
    postings,
  });
  const [done] = await ctx.db.update(holds).set({ closingEntryId: entry.id }).where(eq(holds.id, holdId)).returning();
  return holdView(done!);
}

async function audited(ctx: DomainContext, holdId: string, closing: Closing, action: string): Promise<HoldView> {
  return inTransaction(ctx, async (tx) => {
    const view = await closeHold(tx, holdId, closing);
    await emitEvent(tx, { type: action, entityType: "hold", entityId: holdId, payload: { ...view } });
    await recordAudit(tx, { action, entityType: "hold", entityId: holdId, before: { state: "ACTIVE" }, after: view });
    return view;
  });
}

/**
 * Captures an ACTIVE, unexpired hold (D8): all of it, or `amountMinor` of it with the rest
 * released in the same HOLD_CAPTURE entry. Capturing more than is held is refused.
 */
export async function captureHold(ctx: DomainContext, input: CaptureHoldInput): Promise<HoldView> {
  const data = captureHoldSchema.parse(input);
  const [hold] = await ctx.db.select({ amountMinor: holds.amountMinor }).from(holds).where(eq(holds.id, data.holdId));
  if (!hold) throw notFound("Hold");
  const capturedMinor = data.amountMinor ?? hold.amountMinor;
  if (capturedMinor > hold.amountMinor) throw invalidField("amountMinor", `At most ${hold.amountMinor} is held.`);
  return audited(ctx, data.holdId, { state: "CAPTURED", capturedMinor, notExpiredAt: new Date() }, "hold.captured");
}

/** Releases an ACTIVE hold: every held cent returns to the lot or open funds it came from. */
export async function releaseHold(ctx: DomainContext, input: ReleaseHoldInput): Promise<HoldView> {
  const data = releaseHoldSchema.parse(input);
  return audited(ctx, data.holdId, { state: "RELEASED", capturedMinor: 0 }, "hold.released");
}

/**
 * The expiry job's step (D4): ACTIVE holds whose time ran out by `now` are released into state
 * EXPIRED, each in its own transaction with its `hold.expired` event and audit entry. A hold captured or released meanwhile is skipped. Returns how many expired.
 */
export async function expireHolds(ctx: DomainContext, options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (;;) {
    const due = await ctx.db
      .select({ id: holds.id })
      .from(holds)
      .where(and(eq(holds.state, "ACTIVE"), sql`${holds.expiresAt} <= ${now.toISOString()}::timestamptz`))
      .orderBy(holds.expiresAt)
      .limit(batchSize);
    let expired = 0;
    for (const { id } of due) {
      const done = await inTransaction(ctx, async (tx) => {
        try {
          const view = await inTransaction(tx, (inner) => closeHold(inner, id, { state: "EXPIRED", capturedMinor: 0 }));
          await emitEvent(tx, { type: "hold.expired", entityType: "hold", entityId: id, payload: { ...view } });
          await recordAudit(tx, { action: "hold.expired", entityType: "hold", entityId: id, before: { state: "ACTIVE" }, after: view });
          return true;
        } catch (err) {
          if (err instanceof DomainError && err.code === "INVALID_STATE") return false;
          throw err;
        }
      });
      if (done) expired++;
    }
    total += expired;
    if (due.length < batchSize || expired === 0) return total;
  }
}
