import { and, asc, eq, gt, inArray, isNull, or, sql, type Placeholder } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { preparedQuery } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { creditLots, ledgerAccounts } from "@/db/schema";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import type { AccountRef } from "../ledger/accounts";
import type { JournalEntryKind } from "../ledger/kinds";
import { entryArgument, ledgerErrors, type PostingInput } from "../ledger/post-entry";
import { callSqlFunction } from "../sql-functions";
import { allocateLots, type AllocatableLot, type Allocation, type BasketLine } from "./allocate";
import { eligibility, eligiblePocket } from "./spending-wallet";
import type { Wallet } from "./wallets";

export interface LotTerms {
  expiresAt: Date | null;
  productSkus?: readonly string[];
  productFamilyIds?: readonly string[];
}

export interface CreditPocketInput extends LotTerms {
  wallet: Wallet;
  pocket: AccountRef;
  /** The system account the value comes from (pass liability, reward funding, adjustments …). */
  from: AccountRef;
  amountMinor: number;
  entry: { kind: JournalEntryKind; causeType: string; causeId: string | null; memo?: string | null; reversesEntryId?: string | null };
}

export interface PocketCredited {
  creditLotId: string;
  journalEntryId: string;
  /** The pocket's balance after the credit. */
  pocketBalanceMinor: number;
}

/**
 * Credits a commerce pocket as a new credit lot (D3) and posts the entry from the funding
 * account, in one statement (`wallet_credit_pocket`). Invariant kept: the pocket's lots'
 * remaining amounts sum to its balance.
 */
export async function creditPocket(ctx: DomainContext, input: CreditPocketInput): Promise<PocketCredited> {
  const creditLotId = newId();
  const journalEntryId = newId();
  const pocketBalanceMinor = await callSqlFunction<string | number>(
    ctx,
    "wallet_credit_pocket",
    {
      lotId: creditLotId,
      walletId: input.wallet.id,
      pocketId: input.pocket.id,
      fromAccountId: input.from.id,
      currency: input.wallet.currency,
      amountMinor: input.amountMinor,
      ...lotTermsArgument(input),
      entry: entryArgument(ctx, journalEntryId, input.entry),
      postingIds: [newId(), newId()],
    },
    ledgerErrors,
  );
  return { creditLotId, journalEntryId, pocketBalanceMinor: Number(pocketBalanceMinor) };
}

/** A new lot's expiry and product conditions as `wallet_credit_pocket` takes them. */
export const lotTermsArgument = (terms: LotTerms) => ({
  expiresAt: terms.expiresAt,
  productSkus: terms.productSkus ?? [],
  productFamilyIds: terms.productFamilyIds ?? [],
});

export interface ConsumeLotsInput {
  pockets: readonly AccountRef[];
  amountMinor: number;
  basket?: readonly BasketLine[];
  now?: Date;
  /** Ignore the lots' product conditions (a manual adjustment may take any unexpired lot). */
  anyProduct?: boolean;
}

export interface LotsToConsume {
  /** The negative pocket postings for the caller's entry. */
  postings: PostingInput[];
  takenMinor: number;
  /** Lowers the lots' remaining amounts; send it with the entry (the CHECK remaining >= 0 backs it). */
  take: () => Promise<void>;
}

/** The lots that may pay now: some remaining, unexpired. */
const payingLot = (now: Date | Placeholder) =>
  and(gt(creditLots.remainingMinor, 0), or(isNull(creditLots.expiresAt), gt(creditLots.expiresAt, now)));

/**
 * Plans taking up to `amountMinor` from the pockets' unexpired lots, soonest-expiring first and
 * within their product conditions (see allocateLots): the postings for the caller's entry and the
 * lot updates to run with it. The caller holds the pockets' locks (ledger/locks.ts), so the lots
 * it reads cannot change under it.
 */
export async function lotsToConsume(ctx: DomainContext, input: ConsumeLotsInput): Promise<LotsToConsume> {
  if (input.pockets.length === 0 || input.amountMinor <= 0) return { postings: [], takenMinor: 0, take: async () => {} };
  const lots = await ctx.db
    .select()
    .from(creditLots)
    .where(and(inArray(creditLots.accountId, input.pockets.map((p) => p.id)), payingLot(input.now ?? new Date())))
    .orderBy(asc(creditLots.expiresAt), asc(creditLots.id));
  return consumption(ctx, lots, input);
}

/**
 * The same plan from the lots of the wallet's pockets eligible for a purchase (eligiblePocket),
 * read with their pockets in one query and without their locks: for a statement that checks the
 * plan under those locks (`wallet_spend`).
 */
export async function eligibleLotsToConsume(
  ctx: DomainContext,
  input: Omit<ConsumeLotsInput, "pockets" | "anyProduct"> & { walletId: string; organisationId?: string | null },
): Promise<LotsToConsume> {
  const rows = await preparedQuery(ctx.db, "eligible_lots", (db, name) =>
    db
      .select({
        lot: {
          id: creditLots.id,
          accountId: creditLots.accountId,
          remainingMinor: creditLots.remainingMinor,
          expiresAt: creditLots.expiresAt,
          productSkus: creditLots.productSkus,
          productFamilyIds: creditLots.productFamilyIds,
        },
        pocket: { id: ledgerAccounts.id, kind: ledgerAccounts.kind, currency: ledgerAccounts.currency, walletId: ledgerAccounts.walletId },
      })
      .from(creditLots)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, creditLots.accountId))
      .where(and(eligiblePocket, payingLot(sql.placeholder("now"))))
      .orderBy(asc(creditLots.expiresAt), asc(creditLots.id))
      .prepare(name),
  ).execute({ ...eligibility(input.walletId, input), now: (input.now ?? new Date()).toISOString() });
  const pockets = [...new Map(rows.map((r) => [r.pocket.id, r.pocket])).values()];
  return consumption(ctx, rows.map((r) => r.lot), { ...input, pockets });
}

function consumption(ctx: DomainContext, lots: readonly AllocatableLot[], input: ConsumeLotsInput): LotsToConsume {
  const allocatable = input.anyProduct ? lots.map((lot) => ({ ...lot, productSkus: [], productFamilyIds: [] })) : lots;
  const allocations = allocateLots(allocatable, input.amountMinor, input.basket);
  const byId = new Map(input.pockets.map((p) => [p.id, p]));
  return {
    postings: allocations.map((a) => ({ account: byId.get(a.accountId)!, amountMinor: -a.amountMinor, creditLotId: a.lotId })),
    takenMinor: allocations.reduce((sum, a) => sum + a.amountMinor, 0),
    take: () => takeFromLots(ctx, allocations),
  };
}

/** Takes from the pockets' lots at once (see lotsToConsume) and returns the postings for the caller's entry. */
export async function consumeLots(ctx: DomainContext, input: ConsumeLotsInput): Promise<{ postings: PostingInput[]; takenMinor: number }> {
  const { postings, takenMinor, take } = await lotsToConsume(ctx, input);
  await take();
  return { postings, takenMinor };
}

/** Lowers lots' remaining amounts; the CHECK (remaining >= 0) backs the allocation made under lock. */
async function takeFromLots(ctx: DomainContext, allocations: readonly Allocation[]) {
  if (allocations.length === 0) return;
  await changeLots(ctx, allocations.map((a) => ({ lotId: a.lotId, deltaMinor: -a.amountMinor })));
}

/**
 * Adds amounts back to lots (a released hold, a refund, a reversal): the money returns to the
 * lot it came from, with that lot's expiry and conditions.
 */
export async function restoreLots(ctx: DomainContext, parts: readonly { lotId: string; amountMinor: number }[]) {
  if (parts.length === 0) return;
  await changeLots(ctx, parts.map((p) => ({ lotId: p.lotId, deltaMinor: p.amountMinor })));
}

async function changeLots(ctx: DomainContext, parts: readonly { lotId: string; deltaMinor: number }[]) {
  const net = new Map<string, number>();
  for (const p of parts) net.set(p.lotId, (net.get(p.lotId) ?? 0) + p.deltaMinor);
  const changes = [...net].map(([lotId, deltaMinor]) => ({ lotId, deltaMinor }));
  const rows = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`
      update credit_lots l set remaining_minor = l.remaining_minor + d.delta
      from unnest(${arrayLiteral(changes.map((c) => c.lotId))}::uuid[], ${arrayLiteral(changes.map((c) => c.deltaMinor))}::bigint[]) as d(id, delta)
      where l.id = d.id
      returning l.id`),
  );
  if (rows.length !== changes.length) throw new Error("A credit lot to change was not found.");
}
