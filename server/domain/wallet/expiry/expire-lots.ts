import { and, asc, gt, lte, sql } from "drizzle-orm";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import { creditLots, domainEvents } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { newId } from "../../ids";
import { systemAccount, type AccountRef } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { lockWallets } from "../../ledger/locks";

interface DueLot {
  id: string;
  account_id: string;
  wallet_id: string;
  currency: string;
  remaining_minor: string | number;
  expires_at: string | Date;
}

export interface LotExpiryRun {
  lots: number;
  amountMinor: number;
}

/**
 * Credit lot expiry (D3, D4): every lot whose expiry passed by `now` and has money left gives
 * it to BREAKAGE in its own EXPIRY entry (the pocket posting names the lot), its remaining
 * becomes 0 and `expiredAt` is set; a `credit_lot.expired` event per lot and one audit entry per
 * batch. Each batch is one transaction that first locks the wallets concerned (the order every
 * wallet command uses), then re-reads the lots under lock, so a hold released into an expired
 * lot meanwhile is expired too — by this run or the next. Invariant: the pocket's lots still sum
 * to its balance.
 */
export async function expireCreditLots(ctx: DomainContext, options: { now?: Date; batchSize?: number } = {}): Promise<LotExpiryRun> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const run: LotExpiryRun = { lots: 0, amountMinor: 0 };
  for (;;) {
    const batch = await inTransaction(ctx, async (tx) => {
      const candidates = await tx.db
        .select({ id: creditLots.id, walletId: creditLots.walletId })
        .from(creditLots)
        .where(and(gt(creditLots.remainingMinor, 0), lte(creditLots.expiresAt, now)))
        .orderBy(asc(creditLots.expiresAt), asc(creditLots.id))
        .limit(batchSize);
      if (candidates.length === 0) return { due: 0, lots: 0, amountMinor: 0 };
      await lockWallets(tx, candidates.map((c) => c.walletId));
      const lots = rowsOf<DueLot>(
        await tx.db.execute(sql`
          select l.id, l.account_id, l.wallet_id, l.currency, l.remaining_minor, l.expires_at from credit_lots l
          where l.id = any(${arrayLiteral(candidates.map((c) => c.id))}::uuid[]) and l.remaining_minor > 0 and l.expires_at <= ${now.toISOString()}::timestamptz
          order by l.id for update`),
      );
      const breakage = new Map<string, AccountRef>();
      let amountMinor = 0;
      for (const lot of lots) {
        const remaining = Number(lot.remaining_minor);
        if (!breakage.has(lot.currency)) breakage.set(lot.currency, await systemAccount(tx, "BREAKAGE", lot.currency));
        const pocket: AccountRef = { id: lot.account_id, kind: "POCKET", currency: lot.currency, walletId: lot.wallet_id };
        await postEntry(tx, {
          kind: "EXPIRY",
          causeType: "credit_lot",
          causeId: lot.id,
          memo: "credit lot expired",
          postings: [
            { account: pocket, amountMinor: -remaining, creditLotId: lot.id },
            { account: breakage.get(lot.currency)!, amountMinor: remaining },
          ],
        });
        amountMinor += remaining;
      }
      if (lots.length === 0) return { due: candidates.length, lots: 0, amountMinor: 0 };
      const ids = lots.map((l) => l.id);
      await tx.db.execute(sql`
        update credit_lots set remaining_minor = 0, expired_at = ${now.toISOString()}::timestamptz
        where id = any(${arrayLiteral(ids)}::uuid[])`);
      await tx.db.insert(domainEvents).values(
        lots.map((lot) => ({
          id: newId(),
          type: "credit_lot.expired",
          entityType: "credit_lot",
          entityId: lot.id,
          payload: { creditLotId: lot.id, walletId: lot.wallet_id, accountId: lot.account_id, currency: lot.currency, expiredMinor: Number(lot.remaining_minor), expiresAt: new Date(lot.expires_at) },
          actorType: tx.actor.type,
          actorId: tx.actor.id,
        })),
      );
      await recordAudit(tx, { action: "credit_lot.expired_batch", entityType: "credit_lot", after: { count: lots.length, amountMinor, creditLotIds: ids, expiredAt: now } });
      return { due: candidates.length, lots: lots.length, amountMinor };
    });
    run.lots += batch.lots;
    run.amountMinor += batch.amountMinor;
    if (batch.due < batchSize || batch.lots === 0) return run;
  }
}
