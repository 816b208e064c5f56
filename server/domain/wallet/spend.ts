import { and, eq } from "drizzle-orm";
import { spends } from "@/db/schema";
import { recordAudit, redactSecrets } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";
import { DomainError } from "../errors";
import { newId } from "../ids";
import { systemAccount } from "../ledger/accounts";
import { postEntry } from "../ledger/post-entry";
import { emitEvent } from "../outbox";
import { callInGroupCommit } from "../group-commit";
import { sqlActor } from "../sql-functions";
import { balancesOf, walletBalances, type WalletAccountBalance, type WalletBalances } from "./balances";
import { spendSchema, type SpendInput, type SpendView } from "./operation-schemas";
import { eligibleLotsToConsume } from "./credit-lots";
import { nothingRedeemed, planRedeemIntoOpen, type PlannedRedeem } from "./redeem-funds";
import { lockAccounts } from "../ledger/locks";
import { eligiblePockets, spendingWallet } from "./spending-wallet";

export type SpendRow = typeof spends.$inferSelect;

export const spendView = (row: SpendRow): SpendView => ({
  spendId: row.id,
  walletId: row.walletId,
  contactId: row.contactId,
  currency: row.currency,
  reference: row.reference,
  requestedMinor: row.requestedMinor,
  spentMinor: row.amountMinor,
  redeemedMinor: row.redeemedMinor,
  refundedMinor: row.refundedMinor,
  spendEntryId: row.spendEntryId,
  createdAt: row.createdAt,
});

/** A new spend's row: what was spent, and what the automatic redeem brought to open funds. */
function newSpendRow(
  input: SpendInput,
  walletId: string,
  currency: string,
  spent: { spendId: string; spentMinor: number; redeemed: Pick<PlannedRedeem, "takenMinor" | "journalEntryId"> },
): SpendRow {
  return {
    id: spent.spendId,
    walletId,
    contactId: input.contactId,
    currency,
    reference: input.reference,
    requestedMinor: input.amountMinor,
    amountMinor: spent.spentMinor,
    redeemedMinor: spent.redeemed.takenMinor,
    refundedMinor: 0,
    organisationId: input.organisationId ?? null,
    redeemEntryId: spent.redeemed.journalEntryId,
    spendEntryId: newId(),
    createdAt: new Date(),
  };
}

/** What the audit entry and the `wallet.spent` event say of a spend. */
const spendFacts = (row: SpendRow, input: SpendInput) => ({ ...spendView(row), organisationId: row.organisationId, onlyIfEnoughFunds: input.onlyIfEnoughFunds });

export interface SpendResult extends SpendView {
  replayed: boolean;
  balances: WalletBalances;
}

/**
 * Pays a purchase from the wallet (D6): first redeems the eligible commerce funds the open funds
 * lack (one REDEEM entry), then moves the spent amount from open funds to SETTLEMENT (one SPEND
 * entry). With `onlyIfEnoughFunds` a shortfall refuses the whole spend; otherwise it spends what
 * there is, and refuses only when that is 0 (INSUFFICIENT_FUNDS either way, nothing written).
 *
 * Concurrency: the wallet's open account and eligible pockets are locked in id order before any
 * balance is read, so parallel spends of one wallet queue and can never overdraw; a spend only
 * ever locks accounts of one wallet, so spends of different wallets never wait on each other.
 * The reference is unique per wallet and checked under that lock: a replay answers the first
 * spend and moves nothing. The usual spend is written by one statement instead
 * (`spendInOneStatement`), under the same locks and checks; this whole spend runs when that
 * statement finds its plan no longer holds, or when the wallet cannot pay all of it.
 */
export async function spend(ctx: DomainContext, rawInput: SpendInput): Promise<SpendResult> {
  const input = spendSchema.parse(rawInput);
  return (await spendInOneStatement(ctx, input)) ?? inTransaction(ctx, async (tx) => {
    const { wallet, open } = await spendingWallet(tx, input.contactId, input.currency);
    const [pockets, settlement] = await Promise.all([eligiblePockets(tx, wallet.id, input), systemAccount(tx, "SETTLEMENT", wallet.currency)]);
    // Pipelined on the transaction's connection, in order: the replay check reads under the lock.
    const [balances, [earlier]] = await Promise.all([
      lockAccounts(tx, [open.id, ...pockets.map((p) => p.id)]),
      tx.db
        .select()
        .from(spends)
        .where(and(eq(spends.walletId, wallet.id), eq(spends.reference, input.reference))),
    ]);
    if (earlier) return { ...spendView(earlier), replayed: true, balances: await walletBalances(tx, wallet.id) };

    const spendId = newId();
    const openMinor = balances.get(open.id) ?? 0;
    const pocketsMinor = pockets.reduce((sum, p) => sum + (balances.get(p.id) ?? 0), 0);
    const lacking = input.amountMinor - openMinor;
    // Pocket balances bound what a redeem can bring (lots may bring less: expiry, conditions).
    if (input.onlyIfEnoughFunds && openMinor + pocketsMinor < input.amountMinor) throw insufficient(input.amountMinor, openMinor + pocketsMinor);
    const redeemed =
      lacking > 0 && pocketsMinor > 0
        ? await planRedeemIntoOpen(tx, { open, pockets, amountMinor: lacking, basket: input.basket, cause: { type: "spend", id: spendId } })
        : nothingRedeemed;
    const availableMinor = openMinor + redeemed.takenMinor;
    if (availableMinor === 0 || (input.onlyIfEnoughFunds && availableMinor < input.amountMinor)) throw insufficient(input.amountMinor, availableMinor);
    const spentMinor = Math.min(input.amountMinor, availableMinor);

    const row = newSpendRow(input, wallet.id, wallet.currency, { spendId, spentMinor, redeemed });
    const facts = spendFacts(row, input);
    // The redeem, the spend's entry and its records, sent together (postgres-js pipelines them in
    // this order, so the redeem credits open funds before the spend takes them): the balances
    // read last include both entries.
    const [, , , , , after] = await Promise.all([
      redeemed.write(),
      postEntry(tx, {
        id: row.spendEntryId,
        kind: "SPEND",
        causeType: "spend",
        causeId: spendId,
        memo: input.reference,
        postings: [
          { account: open, amountMinor: -spentMinor },
          { account: settlement, amountMinor: spentMinor },
        ],
      }),
      tx.db.insert(spends).values(row),
      recordAudit(tx, { action: "spend.created", entityType: "spend", entityId: spendId, after: facts }),
      emitEvent(tx, { type: "wallet.spent", entityType: "spend", entityId: spendId, payload: facts }),
      walletBalances(tx, wallet.id),
    ]);
    return { ...spendView(row), replayed: false, balances: after };
  });
}

/**
 * The usual spend, one the wallet can pay all of, written by one statement (`wallet_spend`) in a
 * group commit with the process's other spends: a hot wallet's locks are then held only while the
 * database works. What the open funds lack is redeemed in the same statement, from lots chosen
 * before any lock as the whole spend would choose them (soonest-expiring first, within their
 * conditions); the statement re-checks under the locks that the open funds are still as read and
 * the lots still hold what the plan takes. Null, having written nothing, when the funds as read
 * do not cover the spend or the statement found its plan no longer holds: the whole spend then
 * runs, deciding under the locks.
 */
async function spendInOneStatement(ctx: DomainContext, input: SpendInput): Promise<SpendResult | null> {
  const { wallet, open, openMinorAsRead } = await spendingWallet(ctx, input.contactId, input.currency, { lock: false });
  const lacking = input.amountMinor - openMinorAsRead;
  const [settlement, lots] = await Promise.all([
    systemAccount(ctx, "SETTLEMENT", wallet.currency),
    lacking > 0
      ? eligibleLotsToConsume(ctx, { walletId: wallet.id, organisationId: input.organisationId, basket: input.basket, amountMinor: lacking })
      : null,
  ]);
  if (lots && lots.takenMinor < lacking) return null;
  const redeem = lots && {
    entryId: newId(),
    openPostingId: newId(),
    amountMinor: lacking,
    openMinorAsRead,
    lots: lots.postings.map((p) => ({ lotId: p.creditLotId, pocketId: p.account.id, amountMinor: -p.amountMinor, postingId: newId() })),
  };
  const row = newSpendRow(input, wallet.id, wallet.currency, {
    spendId: newId(),
    spentMinor: input.amountMinor,
    redeemed: redeem ? { takenMinor: redeem.amountMinor, journalEntryId: redeem.entryId } : nothingRedeemed,
  });
  const facts = spendFacts(row, input);
  const accounts = await callInGroupCommit<WalletAccountBalance[] | null>(ctx, "wallet_spend", {
    spendId: row.id,
    walletId: wallet.id,
    contactId: row.contactId,
    openAccountId: open.id,
    settlementAccountId: settlement.id,
    currency: row.currency,
    reference: row.reference,
    amountMinor: row.amountMinor,
    organisationId: row.organisationId,
    createdAt: row.createdAt,
    entryId: row.spendEntryId,
    postingIds: [newId(), newId()],
    redeem,
    actor: sqlActor(ctx),
    auditId: newId(),
    eventId: newId(),
    facts: redactSecrets(facts),
  }, { lockKey: open.id });
  return accounts && { ...spendView(row), replayed: false, balances: balancesOf(wallet.id, accounts) };
}

const insufficient = (requestedMinor: number, availableMinor: number) =>
  new DomainError("INSUFFICIENT_FUNDS", "Not enough eligible funds in the wallet for this purchase.", { requestedMinor, availableMinor });
