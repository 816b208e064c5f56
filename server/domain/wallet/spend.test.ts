import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, creditLots, domainEvents, journalEntries, ledgerPostings, spends } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { contextAs, testDatabase, transactionsThatWrote, unique } from "@/test/db";
import { blockContactSpending } from "../contacts/spending-block";
import { refusal } from "../contacts/test-fixtures";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { systemAccount } from "../ledger/accounts";
import { verifyLedger } from "../ledger/verify";
import { createCommercePool } from "../network/commerce-pools";
import { createProductFamily } from "../network/product-families";
import { callSqlFunction, sqlActor } from "../sql-functions";
import { walletBalances } from "./balances";
import { newMerchant, newVenue } from "../network/test-fixtures";
import { contactWithWallet, fund } from "./operations-test-fixtures";
import { redeemFunds } from "./redeem-funds";
import { refundSpend } from "./refund";
import { spend } from "./spend";
import { openAccount, pocketAccount, type Wallet } from "./wallets";

testDatabase();

const ledgerOk = async (ctx: DomainContext) => expect((await verifyLedger(ctx)).problems).toEqual([]);
const lotRemaining = async (ctx: DomainContext, lotId: string) =>
  (await ctx.db.select().from(creditLots).where(eq(creditLots.id, lotId)))[0]!.remainingMinor;

/** A redeem as spend() plans it for `wallet_spend`: what the open funds lack, from these lots. */
interface PlannedRedeemArgument {
  entryId: string;
  openPostingId: string;
  amountMinor: number;
  openMinorAsRead: number;
  lots: { lotId: string; pocketId: string; amountMinor: number; postingId: string }[];
}

const plannedRedeem = (openMinorAsRead: number, pocketId: string, takes: { lotId: string; amountMinor: number }[]): PlannedRedeemArgument => ({
  entryId: newId(),
  openPostingId: newId(),
  amountMinor: takes.reduce((sum, t) => sum + t.amountMinor, 0),
  openMinorAsRead,
  lots: takes.map((t) => ({ ...t, pocketId, postingId: newId() })),
});

/** The accounts a spend of this wallet names: its contact, wallet, open account and SETTLEMENT. */
type SpendTarget = { contactId: string; walletId: string; openId: string; settlementId: string };

const spendTarget = async (ctx: DomainContext, contactId: string, wallet: Wallet): Promise<SpendTarget> => ({
  contactId,
  walletId: wallet.id,
  openId: (await openAccount(ctx, wallet)).id,
  settlementId: (await systemAccount(ctx, "SETTLEMENT", "EUR")).id,
});

/** Runs calls as one `wallet_spend_batch`: each call's balance of the account after it, or null when it was not written. */
async function batchBalances(ctx: DomainContext, calls: object[], accountId: string) {
  const [row] = rowsOf<{ results: ({ id: string; balanceMinor: number }[] | null)[] }>(
    await ctx.db.execute(sql`select wallet_spend_batch(${JSON.stringify(calls)}::jsonb) as results`),
  );
  return row!.results.map((accounts) => accounts && accounts.find((a) => a.id === accountId)!.balanceMinor);
}

/** What spend() gives `wallet_spend` for a spend of 100 (or as changed) from these accounts. */
const spendCall = (
  ctx: DomainContext,
  to: SpendTarget,
  change: { amountMinor?: number; reference?: string; redeem?: PlannedRedeemArgument },
) => ({
  spendId: newId(),
  walletId: to.walletId,
  contactId: to.contactId,
  openAccountId: to.openId,
  settlementAccountId: to.settlementId,
  currency: "EUR",
  reference: change.reference ?? unique("order-"),
  amountMinor: change.amountMinor ?? 100,
  organisationId: null,
  createdAt: new Date(),
  entryId: newId(),
  postingIds: [newId(), newId()],
  redeem: change.redeem ?? null,
  actor: sqlActor(ctx),
  auditId: newId(),
  eventId: newId(),
  facts: {},
});

describe("redeemFunds", () => {
  it("moves the business pocket's lots to open funds, soonest-expiring first, up to the amount", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    const late = await fund(ctx, wallet, 1000, { expiresAt: new Date(Date.now() + 30 * 86_400_000) });
    const soon = await fund(ctx, wallet, 300, { expiresAt: new Date(Date.now() + 86_400_000) });
    const result = await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 500 });
    expect(result).toMatchObject({ redeemedMinor: 500, balances: { openMinor: 500, availableMinor: 1300 } });
    expect(await lotRemaining(ctx, soon.creditLotId)).toBe(0);
    expect(await lotRemaining(ctx, late.creditLotId)).toBe(800);
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, result.journalEntryId!));
    expect(entry).toMatchObject({ kind: "REDEEM", causeType: "redeem", actorId: ctx.actor.id });
    expect(await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 5000 })).toMatchObject({ redeemedMinor: 800, balances: { openMinor: 1300 } });
    await ledgerOk(ctx);
  });

  it("never uses an expired lot, and lots with product conditions only on matching basket lines", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    const expired = await fund(ctx, wallet, 400, { expiresAt: new Date(Date.now() - 1000) });
    const coffee = await fund(ctx, wallet, 600, { productSkus: ["COFFEE-1"] });
    expect((await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 1000 })).redeemedMinor).toBe(0);
    const basket = [{ sku: "TEA-1", amountMinor: 300 }, { sku: "COFFEE-1", amountMinor: 250 }];
    expect((await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 1000, basket })).redeemedMinor).toBe(250);
    expect(await lotRemaining(ctx, expired.creditLotId)).toBe(400);
    expect(await lotRemaining(ctx, coffee.creditLotId)).toBe(350);
    await ledgerOk(ctx);
  });

  it("uses a pool's pocket only for a purchase at a member organisation (a venue counts for its merchant) or of a member family", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Merchant "));
    const venue = await newVenue(ctx, merchant.id, unique("Venue "));
    const elsewhere = await newMerchant(ctx, unique("Elsewhere "));
    const family = await createProductFamily(ctx, { name: unique("Books ") });
    const byOrg = await createCommercePool(ctx, { name: unique("Mall "), organisationIds: [merchant.id], familyIds: [] });
    const byFamily = await createCommercePool(ctx, { name: unique("Books pool "), organisationIds: [], familyIds: [family.id] });
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 700, { poolId: byOrg.id });
    await fund(ctx, wallet, 200, { poolId: byFamily.id });
    const at = (organisationId: string, basket?: { familyId: string; amountMinor: number }[]) =>
      redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 100, organisationId, basket });
    expect((await at(elsewhere.id)).redeemedMinor).toBe(0);
    expect((await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 100 })).redeemedMinor).toBe(0);
    expect((await at(venue.id)).redeemedMinor).toBe(100);
    expect((await at(merchant.id)).redeemedMinor).toBe(100);
    expect((await at(elsewhere.id, [{ familyId: family.id, amountMinor: 100 }])).balances.pockets.map((p) => p.balanceMinor).sort((a, b) => a - b)).toEqual([0, 100, 500]);
    await ledgerOk(ctx);
  });
});

describe("spend", () => {
  it("redeems only what open funds lack, spends to settlement, and answers a replayed reference with the first spend", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 300 });
    const reference = unique("order-");
    const first = await spend(ctx, { contactId, currency: "EUR", amountMinor: 500, reference });
    expect(first).toMatchObject({ spentMinor: 500, redeemedMinor: 200, replayed: false, balances: { openMinor: 0, availableMinor: 500 } });
    const postings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, first.spendEntryId));
    expect(postings.map((p) => p.amountMinor).sort((a, b) => a - b)).toEqual([-500, 500]);
    const again = await spend(ctx, { contactId, currency: "EUR", amountMinor: 500, reference });
    expect(again).toMatchObject({ spendId: first.spendId, replayed: true, balances: { availableMinor: 500 } });
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, first.spendId));
    expect(audit.map((a) => a.action)).toEqual(["spend.created"]);
    expect((await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, first.spendId))).map((e) => e.type)).toEqual(["wallet.spent"]);
    await ledgerOk(ctx);
  });

  it("spends open funds that cover the purchase with the same records as every spend, answers a replay, and refuses once the contact is blocked", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 1000 });
    const reference = unique("order-");

    const first = await spend(ctx, { contactId, currency: "EUR", amountMinor: 400, reference });
    expect(first).toMatchObject({ spentMinor: 400, requestedMinor: 400, redeemedMinor: 0, replayed: false, balances: { openMinor: 600, availableMinor: 600 } });
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, first.spendEntryId));
    expect(entry).toMatchObject({ kind: "SPEND", causeType: "spend", causeId: first.spendId, memo: reference, actorId: ctx.actor.id });
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, first.spendId));
    expect(audit).toMatchObject({ action: "spend.created", actorId: ctx.actor.id, after: { spentMinor: 400, reference, onlyIfEnoughFunds: false } });
    const [event] = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, first.spendId));
    expect(event).toMatchObject({ type: "wallet.spent", payload: { spentMinor: 400, reference } });

    const again = await spend(ctx, { contactId, currency: "EUR", amountMinor: 400, reference });
    expect(again).toMatchObject({ spendId: first.spendId, replayed: true, balances: { openMinor: 600 } });

    await blockContactSpending(ctx, { contactId, reason: "Fraud check" });
    expect((await refusal(spend(ctx, { contactId, currency: "EUR", amountMinor: 100, reference: unique("order-") }))).code).toBe("SPENDING_BLOCKED");
    await ledgerOk(ctx);
  });

  it("writes nothing in one statement when, under the wallet's lock, the contact is blocked, the reference used or the open funds short", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 500 });
    const used = (await spend(ctx, { contactId, currency: "EUR", amountMinor: 100, reference: unique("order-") })).reference;
    // What spend() sends after its unlocked read, as if the world changed in between.
    const to = await spendTarget(ctx, contactId, wallet);
    const statement = (change: { amountMinor?: number; reference?: string }) =>
      callSqlFunction<unknown>(ctx, "wallet_spend", spendCall(ctx, to, change));
    const spendsBefore = await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id));

    expect(await statement({ amountMinor: 401 })).toBeNull();
    expect(await statement({ reference: used })).toBeNull();
    await blockContactSpending(ctx, { contactId, reason: "Fraud check" });
    expect(await statement({})).toBeNull();

    expect(await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id))).toEqual(spendsBefore);
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(400);
    await ledgerOk(ctx);
  });

  it("writes a batch of spends together when all qualify, and otherwise each alone in order, seeing the ones before it", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 400 });
    const to = await spendTarget(ctx, contactId, wallet);
    /** Each call's open funds after it, or null when it was not written. */
    const batch = (calls: object[]) => batchBalances(ctx, calls, to.openId);

    const together = [100, 50, 25].map((amountMinor) => spendCall(ctx, to, { amountMinor }));
    expect(await batch(together)).toEqual([300, 250, 225]);
    expect(await transactionsThatWrote(ctx, "spends", together.map((c) => c.spendId))).toBe(1);

    // 200 does not fit after the first: it alone is left out; a reference given twice is spent once.
    const reference = unique("order-");
    const apart = [100, 200].map((amountMinor) => spendCall(ctx, to, { amountMinor }));
    const twice = [spendCall(ctx, to, { reference }), spendCall(ctx, to, { reference })];
    expect(await batch([...apart, ...twice])).toEqual([125, null, 25, null]);

    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(25);
    expect(await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id))).toHaveLength(5);
    await ledgerOk(ctx);
  });

  it("writes a spend the open funds lack part of in one statement: the redeem from the soonest-expiring lots, then the spend", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    const late = await fund(ctx, wallet, 1000, { expiresAt: new Date(Date.now() + 30 * 86_400_000) });
    const soon = await fund(ctx, wallet, 300, { expiresAt: new Date(Date.now() + 86_400_000) });
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 100 });
    const spent = await spend(ctx, { contactId, currency: "EUR", amountMinor: 500, onlyIfEnoughFunds: true, reference: unique("order-") });
    expect(spent).toMatchObject({ spentMinor: 500, redeemedMinor: 400, balances: { openMinor: 0, availableMinor: 800 } });
    expect(await lotRemaining(ctx, soon.creditLotId)).toBe(0);
    expect(await lotRemaining(ctx, late.creditLotId)).toBe(800);
    const [row] = await ctx.db.select().from(spends).where(eq(spends.id, spent.spendId));
    const entries = await ctx.db.select().from(journalEntries).where(eq(journalEntries.causeId, spent.spendId));
    expect(entries.map((e) => e.kind).sort()).toEqual(["REDEEM", "SPEND"]);
    expect(row!.redeemEntryId).toBe(entries.find((e) => e.kind === "REDEEM")!.id);
    const lotPostings = await ctx.db.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, row!.redeemEntryId!));
    expect(lotPostings.filter((p) => p.creditLotId).map((p) => [p.creditLotId, p.amountMinor])).toEqual([[soon.creditLotId, -200], [late.creditLotId, -200]]);
    // One statement: the spend and both its entries in one transaction.
    expect(await transactionsThatWrote(ctx, "journal_entries", entries.map((e) => e.id))).toBe(1);
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, spent.spendId))).toHaveLength(1);
    expect(await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, spent.spendId))).toHaveLength(1);
    await ledgerOk(ctx);
  });

  it("writes nothing for a planned redeem when, under the lock, the open funds changed, a lot holds less than its take or has expired, or the plan does not add up", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    const lot = await fund(ctx, wallet, 300);
    const expired = await fund(ctx, wallet, 300, { expiresAt: new Date(Date.now() - 1000) });
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 50 });
    const pocket = (await pocketAccount(ctx, wallet, null)).id;
    const to = await spendTarget(ctx, contactId, wallet);
    const statement = (redeem: PlannedRedeemArgument, amountMinor = 100) =>
      callSqlFunction<unknown>(ctx, "wallet_spend", spendCall(ctx, to, { amountMinor, redeem }));

    expect(await statement(plannedRedeem(0, pocket, [{ lotId: lot.creditLotId, amountMinor: 100 }]))).toBeNull(); // open funds are 50, not 0
    expect(await statement(plannedRedeem(50, pocket, [{ lotId: lot.creditLotId, amountMinor: 350 }]), 400)).toBeNull();
    expect(await statement(plannedRedeem(50, pocket, [{ lotId: expired.creditLotId, amountMinor: 50 }]))).toBeNull();
    expect(await statement(plannedRedeem(50, pocket, [{ lotId: lot.creditLotId, amountMinor: 60 }]))).toBeNull(); // 50 + 60 is not 100
    expect(await statement({ ...plannedRedeem(50, pocket, [{ lotId: lot.creditLotId, amountMinor: 50 }]), amountMinor: 40 }, 90)).toBeNull();
    expect(await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id))).toEqual([]);
    expect(await lotRemaining(ctx, lot.creditLotId)).toBe(250);

    const written = await statement(plannedRedeem(50, pocket, [{ lotId: lot.creditLotId, amountMinor: 50 }]));
    expect(written).toEqual(expect.arrayContaining([expect.objectContaining({ id: to.openId, balanceMinor: 0 }), expect.objectContaining({ id: pocket, balanceMinor: 500 })]));
    expect(await lotRemaining(ctx, lot.creditLotId)).toBe(200);
    await ledgerOk(ctx);
  });

  it("writes a batch of planned redeems of one lot together, each answered with the wallet after it, and leaves out the one the lot no longer covers", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    const lot = await fund(ctx, wallet, 100);
    const pocket = (await pocketAccount(ctx, wallet, null)).id;
    const to = await spendTarget(ctx, contactId, wallet);
    /** Each call's pocket balance after it, or null when it was not written. */
    const batch = (calls: object[]) => batchBalances(ctx, calls, pocket);
    const redeemSpend = (amountMinor: number) =>
      spendCall(ctx, to, { amountMinor, redeem: plannedRedeem(0, pocket, [{ lotId: lot.creditLotId, amountMinor }]) });

    const together = [30, 20, 10].map(redeemSpend);
    expect(await batch(together)).toEqual([70, 50, 40]);
    expect(await transactionsThatWrote(ctx, "spends", together.map((c) => c.spendId))).toBe(1);
    // 50 does not fit after 25 (the lot has 40): it alone is left out, the one after it is written.
    expect(await batch([25, 50, 15].map(redeemSpend))).toEqual([15, null, 0]);

    expect(await lotRemaining(ctx, lot.creditLotId)).toBe(0);
    expect(await ctx.db.select().from(spends).where(eq(spends.walletId, wallet.id))).toHaveLength(5);
    await ledgerOk(ctx);
  });

  it("spends what there is without onlyIfEnoughFunds, refuses all of it with, and refuses 0 (an expired lot never pays)", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 300);
    // Expired but not yet moved to breakage by the expiry job: still in the pocket's balance.
    await fund(ctx, wallet, 500, { expiresAt: new Date(Date.now() - 1000) });
    const allOrNothing = await refusal(spend(ctx, { contactId, currency: "EUR", amountMinor: 400, onlyIfEnoughFunds: true, reference: unique("o") }));
    expect(allOrNothing).toMatchObject({ code: "INSUFFICIENT_FUNDS", details: { requestedMinor: 400, availableMinor: 300 } });
    expect(await spend(ctx, { contactId, currency: "EUR", amountMinor: 400, reference: unique("o") })).toMatchObject({ requestedMinor: 400, spentMinor: 300, balances: { openMinor: 0, availableMinor: 500 } });
    expect((await refusal(spend(ctx, { contactId, currency: "EUR", amountMinor: 1, reference: unique("o") }))).code).toBe("INSUFFICIENT_FUNDS");
    await ledgerOk(ctx);
  });

  it("refuses a blocked contact, a wallet in another currency and product-conditioned funds outside the basket", async () => {
    const ctx = await contextAs("admin");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 500, { productSkus: ["SKU-A"] });
    const ref = () => unique("o");
    expect((await refusal(spend(ctx, { contactId, currency: "EUR", amountMinor: 100, onlyIfEnoughFunds: true, reference: ref(), basket: [{ sku: "SKU-B", amountMinor: 100 }] }))).code).toBe("INSUFFICIENT_FUNDS");
    expect(await spend(ctx, { contactId, currency: "EUR", amountMinor: 100, reference: ref(), basket: [{ sku: "SKU-A", amountMinor: 100 }] })).toMatchObject({ spentMinor: 100 });
    expect((await refusal(spend(ctx, { contactId, currency: "GBP", amountMinor: 100, reference: ref() }))).code).toBe("CURRENCY_MISMATCH");
    await blockContactSpending(ctx, { contactId, reason: "Chargeback under review" });
    expect((await refusal(spend(ctx, { contactId, currency: "EUR", amountMinor: 100, reference: ref(), basket: [{ sku: "SKU-A", amountMinor: 100 }] }))).code).toBe("SPENDING_BLOCKED");
    expect((await refusal(redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 100 }))).code).toBe("SPENDING_BLOCKED");
    await fund(ctx, wallet, 50);
    await ledgerOk(ctx);
  });
});

describe("refundSpend", () => {
  it("refunds partly then the rest into open funds, reversing the spend entry, and refuses more than was spent or a second full refund", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    const spent = await spend(ctx, { contactId, currency: "EUR", amountMinor: 800, reference: unique("o") });
    const partial = await refundSpend(ctx, { spendId: spent.spendId, amountMinor: 300, reason: "One item returned" });
    expect(partial).toMatchObject({ refundedMinor: 300, totalRefundedMinor: 300, balances: { openMinor: 300, availableMinor: 500 } });
    const [entry] = await ctx.db.select().from(journalEntries).where(eq(journalEntries.id, partial.journalEntryId));
    expect(entry).toMatchObject({ kind: "SPEND_REFUND", reversesEntryId: spent.spendEntryId, memo: "One item returned" });
    expect((await refusal(refundSpend(ctx, { spendId: spent.spendId, amountMinor: 501, reason: "Too much" }))).code).toBe("INVALID_STATE");
    expect(await refundSpend(ctx, { spendId: spent.spendId, reason: "Order cancelled" })).toMatchObject({ refundedMinor: 500, totalRefundedMinor: 800, balances: { openMinor: 800 } });
    expect((await refusal(refundSpend(ctx, { spendId: spent.spendId, reason: "Again" }))).code).toBe("INVALID_STATE");
    await ledgerOk(ctx);
  });

  it("lets parallel refunds of one spend never exceed it", async () => {
    const ctx = await contextAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    const spent = await spend(ctx, { contactId, currency: "EUR", amountMinor: 1000, reference: unique("o") });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => refundSpend(ctx, { spendId: spent.spendId, amountMinor: 300, reason: "race" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    await ledgerOk(ctx);
  });
});
