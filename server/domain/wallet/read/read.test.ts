import { describe, expect, it } from "vitest";
import { commercePools, productFamilies } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact } from "../../contacts/create";
import { refusal, uniqueEmail } from "../../contacts/test-fixtures";
import type { DomainContext } from "../../context";
import { inTransaction } from "../../context";
import { newId } from "../../ids";
import { systemAccount } from "../../ledger/accounts";
import { postEntry } from "../../ledger/post-entry";
import { redeemPass } from "../../passes/redeem/redeem";
import { testPass, testPlan } from "../../passes/test-fixtures";
import { walletBalances } from "../balances";
import { consumeLots, creditPocket } from "../credit-lots";
import { ensureWallet, heldAccount, openAccount, pocketAccount, type Wallet } from "../wallets";
import { contactWallets } from "./contact-wallets";
import { listCreditLots } from "./credit-lots";
import { walletStatement } from "./statement";
import { walletStatementCsv } from "./statement-csv";

testDatabase();

const day = 86_400_000;

async function pool(ctx: DomainContext, name: string) {
  const [row] = await ctx.db.insert(commercePools).values({ id: newId(), name: unique(name) }).returning();
  return row!;
}

/** Redeems a fresh gift pass of `amountMinor` for the contact and returns its wallet. */
async function redeemGift(ctx: DomainContext, contactId: string, amountMinor: number, overrides: Parameters<typeof testPlan>[1] = {}) {
  const plan = await testPlan(ctx, { fixedValueMinor: amountMinor, ...overrides });
  const { code } = await testPass(ctx, plan);
  return (await redeemPass(ctx, { code, contactId })).credit!;
}

/** Moves commerce funds of the business pocket to another wallet account (a redeem to open, or a hold). */
async function move(ctx: DomainContext, wallet: Wallet, to: "OPEN" | "HELD", amountMinor: number) {
  await inTransaction(ctx, async (tx) => {
    const pocket = await pocketAccount(tx, wallet, null);
    const taken = await consumeLots(tx, { pockets: [pocket], amountMinor });
    const target = to === "OPEN" ? await openAccount(tx, wallet) : await heldAccount(tx, wallet);
    await postEntry(tx, { kind: to === "OPEN" ? "REDEEM" : "HOLD", causeType: "test", causeId: newId(), postings: [...taken.postings, { account: target, amountMinor: taken.takenMinor }] });
  });
}

async function collect(chunks: AsyncGenerator<string>) {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe("contactWallets", () => {
  it("answers no wallets for a contact that has none, and NOT_FOUND for an unknown contact", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    expect(await contactWallets(ctx, { contactId: contact.id })).toEqual([]);
    expect((await refusal(contactWallets(ctx, { contactId: newId() }))).code).toBe("NOT_FOUND");
  });

  it("shows each pocket with its pool's name, open and held funds, available vs total, and what expires within 30 days", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const cafes = await pool(ctx, "Cafés");
    await redeemGift(ctx, contact.id, 5000);
    await redeemGift(ctx, contact.id, 1200, { commercePoolId: cafes.id, valueValidityKind: "PERIOD", valueValidityCount: 10, valueValidityUnit: "DAY" });
    await redeemGift(ctx, contact.id, 800, { valueValidityKind: "PERIOD", valueValidityCount: 90, valueValidityUnit: "DAY" });
    const [walletView] = await contactWallets(ctx, { contactId: contact.id });
    const wallet = await ensureWallet(ctx, contact.id, "EUR");
    await move(ctx, wallet, "OPEN", 1000);
    await move(ctx, wallet, "HELD", 300);

    const [view] = await contactWallets(ctx, { contactId: contact.id });
    expect(walletView!.availableMinor).toBe(7000);
    expect(view).toMatchObject({ walletId: wallet.id, currency: "EUR", minorUnits: 2, openMinor: 1000, heldMinor: 300, availableMinor: 6700, totalMinor: 7000, expiringSoonMinor: 1200 });
    expect(view!.pockets).toEqual([
      expect.objectContaining({ commercePoolId: null, poolName: null, balanceMinor: 5000 + 800 - 1300 }),
      expect.objectContaining({ commercePoolId: cafes.id, poolName: cafes.name, balanceMinor: 1200 }),
    ]);
    expect(view!.nextExpiryAt!.getTime() - Date.now()).toBeGreaterThan(9 * day);
    expect(view!.nextExpiryAt!.getTime() - Date.now()).toBeLessThanOrEqual(10 * day);
  });
});

describe("listCreditLots", () => {
  it("lists open lots soonest expiry first with their conditions, expired lots apart, and flags those expiring within 30 days", async () => {
    const ctx = await contextAs("finance");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const wallet = await ensureWallet(ctx, contact.id, "EUR");
    const [family] = await ctx.db.insert(productFamilies).values({ id: newId(), name: unique("Coffee") }).returning();
    const from = await systemAccount(ctx, "ADJUSTMENTS", "EUR");
    const pocket = await pocketAccount(ctx, wallet, null);
    const credit = (amountMinor: number, expiresAt: Date | null, terms: { productSkus?: string[]; productFamilyIds?: string[] } = {}) =>
      inTransaction(ctx, (tx) => creditPocket(tx, { wallet, pocket, from, amountMinor, expiresAt, ...terms, entry: { kind: "ADJUSTMENT", causeType: "adjustment", causeId: newId() } }));
    const never = await credit(100, null);
    const later = await credit(200, new Date(Date.now() + 60 * day), { productSkus: ["SKU-1", "SKU-2"] });
    const soon = await credit(300, new Date(Date.now() + 5 * day), { productFamilyIds: [family!.id] });
    const past = await credit(400, new Date(Date.now() - day));

    const open = await listCreditLots(ctx, { walletId: wallet.id, status: "open", page: 0, pageSize: 10 });
    expect(open.total).toBe(3);
    expect(open.rows.map((l) => l.id)).toEqual([soon.creditLotId, later.creditLotId, never.creditLotId]);
    expect(open.rows.map((l) => l.expiringSoon)).toEqual([true, false, false]);
    expect(open.rows[0]).toMatchObject({ amountMinor: 300, remainingMinor: 300, productFamilies: [family!.name], productSkus: [], sourceType: "adjustment", poolName: null });
    expect(open.rows[1]!.productSkus).toEqual(["SKU-1", "SKU-2"]);

    const expired = await listCreditLots(ctx, { walletId: wallet.id, status: "expired", page: 0, pageSize: 10 });
    expect(expired.rows.map((l) => l.id)).toEqual([past.creditLotId]);
    expect(expired.rows[0]!.expiringSoon).toBe(false);

    const all = await listCreditLots(ctx, { walletId: wallet.id, status: "all", page: 1, pageSize: 3 });
    expect(all.total).toBe(4);
    expect(all.rows.map((l) => l.id)).toEqual([never.creditLotId]);
    expect((await refusal(listCreditLots(ctx, { walletId: newId(), status: "all", page: 0, pageSize: 10 }))).code).toBe("NOT_FOUND");
  });
});

describe("walletStatement", () => {
  async function walletWithHistory() {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    await redeemGift(ctx, contact.id, 2500);
    await redeemGift(ctx, contact.id, 1000);
    const wallet = await ensureWallet(ctx, contact.id, "EUR");
    await move(ctx, wallet, "OPEN", 3000);
    await move(ctx, wallet, "HELD", 400);
    return { ctx, wallet };
  }

  it("lists the wallet's journal lines newest first with each account's balance and the wallet's running available balance", async () => {
    const { ctx, wallet } = await walletWithHistory();
    const statement = await walletStatement(ctx, { walletId: wallet.id, page: 0, pageSize: 50 });
    const lines = [...statement.rows].reverse();
    // Oldest first: two credits, a redeem of 3000 to open funds (lot of 2500, then 500 of the other), a hold of 400 from the pocket.
    expect(lines.map((l) => [l.kind, l.account, l.amountMinor, l.accountBalanceAfterMinor, l.availableAfterMinor])).toEqual([
      ["PASS_REDEMPTION", "POCKET", 2500, 2500, 2500],
      ["PASS_REDEMPTION", "POCKET", 1000, 3500, 3500],
      ["REDEEM", "POCKET", -2500, 1000, 1000],
      ["REDEEM", "POCKET", -500, 500, 500],
      ["REDEEM", "OPEN", 3000, 3000, 3500],
      ["HOLD", "POCKET", -400, 100, 3100],
      ["HOLD", "HELD", 400, 400, 3100],
    ]);
    expect(statement.total).toBe(7);
    expect(statement.currency).toBe("EUR");
    expect(statement.rows[0]!.availableAfterMinor).toBe((await walletBalances(ctx, wallet.id)).availableMinor);
    expect(lines[0]).toMatchObject({ causeType: "pass_redemption", actorLabel: ctx.actor.label, poolName: null });
  });

  it("pages without changing any line's running balance, and filters by kind and date range over the whole history", async () => {
    const { ctx, wallet } = await walletWithHistory();
    const all = (await walletStatement(ctx, { walletId: wallet.id, page: 0, pageSize: 50 })).rows;
    const pages = [];
    for (let page = 0; page < 3; page++) pages.push(await walletStatement(ctx, { walletId: wallet.id, page, pageSize: 3 }));
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    expect(pages.flatMap((p) => p.rows)).toEqual(all);

    const holds = await walletStatement(ctx, { walletId: wallet.id, kind: "HOLD", page: 0, pageSize: 50 });
    expect(holds.total).toBe(2);
    expect(holds.rows.map((l) => l.availableAfterMinor)).toEqual([3100, 3100]);
    const redemptions = await walletStatement(ctx, { walletId: wallet.id, kind: "PASS_REDEMPTION", page: 0, pageSize: 1 });
    expect(redemptions).toMatchObject({ total: 2, rows: [{ amountMinor: 1000, availableAfterMinor: 3500 }] });

    const now = Date.now();
    expect((await walletStatement(ctx, { walletId: wallet.id, from: new Date(now - day), to: new Date(now + day), page: 0, pageSize: 50 })).total).toBe(7);
    expect((await walletStatement(ctx, { walletId: wallet.id, from: new Date(now + day), page: 0, pageSize: 50 })).rows).toEqual([]);
    expect((await walletStatement(ctx, { walletId: wallet.id, to: new Date(now - day), page: 0, pageSize: 50 })).total).toBe(0);
  });

  it("exports the statement as CSV, oldest first, in batches, with exact decimal amounts", async () => {
    const { ctx, wallet } = await walletWithHistory();
    const text = await collect(walletStatementCsv(ctx, { walletId: wallet.id }, 2));
    const rows = text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("posted_at,entry_id,kind,cause_type,cause_id,memo,account,pool,currency,amount,account_balance_after,available_after,actor");
    expect(rows).toHaveLength(8);
    expect(rows.slice(1).map((r) => r.split(",").slice(6, 12))).toEqual([
      ["POCKET", "Business pocket", "EUR", "25.00", "25.00", "25.00"],
      ["POCKET", "Business pocket", "EUR", "10.00", "35.00", "35.00"],
      ["POCKET", "Business pocket", "EUR", "-25.00", "10.00", "10.00"],
      ["POCKET", "Business pocket", "EUR", "-5.00", "5.00", "5.00"],
      ["OPEN", "", "EUR", "30.00", "30.00", "35.00"],
      ["POCKET", "Business pocket", "EUR", "-4.00", "1.00", "31.00"],
      ["HELD", "", "EUR", "4.00", "4.00", "31.00"],
    ]);
    const holdsOnly = await collect(walletStatementCsv(ctx, { walletId: wallet.id, kind: "HOLD" }));
    expect(holdsOnly.trimEnd().split("\r\n")).toHaveLength(3);
  });
});
