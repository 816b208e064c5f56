import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { creditLots, journalEntries, passes, passRedemptions } from "@/db/schema";
import { redeemPassEndpoint } from "@/server/rest/endpoints/pass-actions";
import { apiKeyWith, callRoute } from "@/server/rest/test-request";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact } from "../contacts/create";
import { uniqueEmail } from "../contacts/test-fixtures";
import { verifyLedger } from "../ledger/verify";
import { redeemPass } from "../passes/redeem/redeem";
import { testPass, testPlan } from "../passes/test-fixtures";
import { walletBalances } from "./balances";
import { findWallet } from "./wallets";

testDatabase();
/** A pool of its own so the redemptions really run on parallel connections of the server. */
const pool = createDatabase({ url: process.env.DATABASE_URL, max: 20 });
afterAll(() => pool.close());

describe("parallel redemptions into wallets on the real server", () => {
  it("100 parallel redemptions of one single-use pass credit the wallet exactly once", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { fixedValueMinor: 7300 }));
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => redeemPass({ ...ctx, db: pool.db }, { code, contactId: contact.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    const redemptions = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id));
    expect(redemptions).toHaveLength(1);
    const lots = await ctx.db.select().from(creditLots).where(eq(creditLots.sourceId, redemptions[0]!.id));
    expect(lots.map((l) => l.amountMinor)).toEqual([7300]);
    const entries = await ctx.db.select().from(journalEntries).where(and(eq(journalEntries.causeType, "pass_redemption"), eq(journalEntries.causeId, redemptions[0]!.id)));
    expect(entries).toHaveLength(1);
    const wallet = (await findWallet(ctx, contact.id, "EUR"))!;
    expect((await ctx.db.select().from(creditLots).where(eq(creditLots.walletId, wallet.id))).length).toBe(1);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(7300);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("gifts redeemed twice at once without a contact: each once, into one nameless contact and wallet, the losers leave no contact", async () => {
    const ctx = await contextAs("support");
    const plan = await testPlan(ctx, { fixedValueMinor: 2500 });
    const gifts = await Promise.all(Array.from({ length: 10 }, () => testPass(ctx, plan)));
    const since = new Date();
    const results = await Promise.allSettled(gifts.flatMap(({ code }) => [code, code]).map((code) => redeemPass({ ...ctx, db: pool.db }, { code })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);

    const redeemed = await ctx.db.select().from(passes).where(inArray(passes.id, gifts.map((g) => g.pass.id)));
    const owners = redeemed.map((p) => p.contactId!);
    expect(new Set(owners).size).toBe(10);
    for (const owner of owners) expect((await walletBalances(ctx, (await findWallet(ctx, owner, "EUR"))!.id)).availableMinor).toBe(2500);
    const [orphans] = rowsOf<{ n: number }>(
      await ctx.db.execute(sql`select count(*)::int as n from contacts c where c.kind = 'nameless' and c.created_at >= ${since.toISOString()}
        and not exists (select 1 from wallets w where w.contact_id = c.id)`),
    );
    expect(orphans!.n).toBe(0);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("800 parallel REST redemptions of a gift pass with 50 uses: exactly 50 succeed, each credited once", async () => {
    const ctx = await contextAs("admin");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { usage: "MULTIPLE", maxUses: 50, fixedValueMinor: 10_000 }));
    const key = await apiKeyWith("passes:redeem");
    const calls = Array.from({ length: 800 }, (_, i) =>
      callRoute(redeemPassEndpoint.handler, {
        method: "POST",
        path: "/passes/redeem",
        key,
        body: { code, contactId: contact.id, amountMinor: 150 },
        idempotencyKey: i % 2 === 0 ? unique("idem") : undefined,
      }),
    );
    const answers = await Promise.all(calls);
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    expect(statuses.get(200)).toBe(50);
    for (const [status] of statuses) expect([200, 409, 429], JSON.stringify(answers.find((a) => a.status === status)?.body)).toContain(status);

    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ state: "REDEEMED", usesCount: 50, remainingValueMinor: 10_000 - 50 * 150 });
    const redemptions = await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id));
    expect(redemptions).toHaveLength(50);
    const ids = redemptions.map((r) => r.id);
    expect(await ctx.db.select().from(creditLots).where(inArray(creditLots.sourceId, ids))).toHaveLength(50);
    expect(await ctx.db.select().from(journalEntries).where(inArray(journalEntries.causeId, ids))).toHaveLength(50);
    const wallet = (await findWallet(ctx, contact.id, "EUR"))!;
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(50 * 150);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  }, 120_000);
});
