import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, passes, passRedemptions } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import type { DomainContext } from "../../context";
import { createContact } from "../../contacts/create";
import { uniqueEmail } from "../../contacts/test-fixtures";
import { uniqueCurrency } from "../../network/test-fixtures";
import { redeemPass } from "../../passes/redeem/redeem";
import { testPass, testPlan } from "../../passes/test-fixtures";
import { csvField, passesSummaryCsv, passesSummaryCsvColumns } from "./csv";
import { listPassesSummary, type PassesSummaryRow } from "./list";
import { listPassesSummarySchema, passesSummaryFiltersSchema, type PassesSummaryFiltersInput } from "./schemas";
import { fundNamelessWallet, reportCatalogue } from "./test-fixtures";
import { passesSummaryTotals } from "./totals";

testDatabase();

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** Every row under the filters, following the keyset cursor page by page. */
async function allRows(ctx: DomainContext, filters: PassesSummaryFiltersInput, limit = 2, sortDir: "asc" | "desc" = "desc") {
  const rows: PassesSummaryRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listPassesSummary(ctx, listPassesSummarySchema.parse({ ...filters, sortDir, after, limit }));
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    after = page.nextCursor;
  }
}

const totalsOf = (ctx: DomainContext, filters: PassesSummaryFiltersInput) => passesSummaryTotals(ctx, passesSummaryFiltersSchema.parse(filters));

describe("Passes Summary rows", () => {
  it("lists every pass of the filter once, newest first, with plan, type, state, contact, dates and values", async () => {
    const ctx = await contextAs("finance");
    const currency = await uniqueCurrency(ctx, 2);
    const plan = await testPlan(ctx, { name: "Spring gift", currency: currency.code, fixedValueMinor: 2500 });
    const ada = await createContact(ctx, { firstName: "Ada", lastName: "Lovelace", email: uniqueEmail() });
    const email = uniqueEmail();
    const byEmail = await createContact(ctx, { email });
    const issued = ["2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04", "2021-01-05"];
    const made = [];
    for (const [i, date] of issued.entries()) {
      made.push((await testPass(ctx, plan, { issuedAt: day(date), contactId: i === 0 ? ada.id : i === 1 ? byEmail.id : null })).pass);
    }

    const rows = await allRows(ctx, { planId: plan.id });
    expect(rows.map((r) => r.id)).toEqual(made.map((p) => p.id).reverse());
    expect((await allRows(ctx, { planId: plan.id }, 3, "asc")).map((r) => r.id)).toEqual(made.map((p) => p.id));
    const first = rows.at(-1)!;
    expect(first).toMatchObject({
      codeMask: made[0]!.codeMask,
      planId: plan.id,
      planName: "Spring gift",
      type: "GIFT",
      state: "ACTIVE",
      contactId: ada.id,
      contactKind: "registered",
      contactName: "Ada Lovelace",
      issuedAt: day("2021-01-01"),
      activatedAt: day("2021-01-01"),
      redeemedAt: null,
      expiresAt: null,
      currency: currency.code,
      minorUnits: 2,
      initialValueMinor: 2500,
      redeemedValueMinor: 0,
      availableBalanceMinor: 2500,
    });
    expect(first).not.toHaveProperty("codeHash");
    expect(rows.at(-2)!.contactName).toBe(email.toLowerCase());
    expect(rows[0]!.contactName).toBeNull();
  });

  it("keeps microsecond issue times apart when paging, so no pass is skipped or repeated", async () => {
    const ctx = await contextAs("finance");
    const plan = await testPlan(ctx);
    const made = await Promise.all([1, 2, 3].map(() => testPass(ctx, plan)));
    for (const [i, { pass }] of made.entries()) {
      await ctx.db.execute(sql`update ${passes} set issued_at = ${`2021-06-01 10:00:00.00012${i}+00`}::timestamptz where ${passes.id} = ${pass.id}`);
    }
    const rows = await allRows(ctx, { planId: plan.id }, 1);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });
});

/**
 * Two currencies (2 and 0 decimals), a gift, a multi-use gift, a top-up and a promotion plan;
 * passes redeemed at organisation `here`, at `there`, not at all, and one whose redemption at
 * `here` was reversed.
 */
async function redeemedWorld() {
  const ctx = await contextAs("support");
  const { eur, yen, here, there, eurHolder, yenHolder, gift, multi, topUp, promotion } = await reportCatalogue(ctx, { multiValueMinor: 2500 });
  const pass = async (plan: typeof gift, date: string) => testPass(ctx, plan, { issuedAt: day(date) });
  const redeem = (code: string, organisationId: string, amountMinor?: number, contactId = eurHolder.id) => redeemPass(ctx, { code, contactId, organisationId, amountMinor });

  const g1 = await pass(gift, "2021-03-01");
  const g2 = await pass(gift, "2021-03-02");
  const g3 = await pass(gift, "2021-03-03");
  const g4 = await pass(gift, "2021-03-04");
  const m1 = await pass(multi, "2021-03-05");
  const t1 = await pass(topUp, "2021-03-06");
  const p1 = await pass(promotion, "2021-03-07");
  const beforeRedemptions = new Date();
  await redeem(g1.code, here.id);
  await redeem(g3.code, there.id);
  await redeem(g4.code, here.id);
  await ctx.db.update(passRedemptions).set({ reversedAt: new Date() }).where(eq(passRedemptions.passId, g4.pass.id));
  await redeem(m1.code, here.id, 1000);
  await redeem(t1.code, here.id, undefined, yenHolder.id);
  await redeem(p1.code, here.id);
  return { ctx, eur, yen, here, there, gift, multi, topUp, promotion, beforeRedemptions, ids: { g1: g1.pass.id, g2: g2.pass.id, g3: g3.pass.id, g4: g4.pass.id, m1: m1.pass.id, t1: t1.pass.id, p1: p1.pass.id } };
}

const idsOf = (rows: PassesSummaryRow[]) => rows.map((r) => r.id).sort();

describe("Passes Summary filters and totals", () => {
  it("filters by organisation (redemptions not reversed), type, state, plan and date ranges", async () => {
    const { ctx, here, gift, ids, beforeRedemptions } = await redeemedWorld();
    expect(idsOf(await allRows(ctx, { organisationId: here.id }))).toEqual([ids.g1, ids.m1, ids.t1, ids.p1].sort());
    expect(idsOf(await allRows(ctx, { organisationId: here.id, type: "GIFT" }))).toEqual([ids.g1, ids.m1].sort());
    expect(idsOf(await allRows(ctx, { organisationId: here.id, type: "GIFT", state: "REDEEMED" }))).toEqual([ids.g1]);
    expect(idsOf(await allRows(ctx, { planId: gift.id }))).toEqual([ids.g1, ids.g2, ids.g3, ids.g4].sort());
    expect(idsOf(await allRows(ctx, { planId: gift.id, state: "ACTIVE" }))).toEqual([ids.g2]);
    expect(idsOf(await allRows(ctx, { planId: gift.id, from: day("2021-03-02"), to: day("2021-03-04") }))).toEqual([ids.g2, ids.g3].sort());
    expect(idsOf(await allRows(ctx, { planId: gift.id, dateField: "redeemed", from: beforeRedemptions }))).toEqual([ids.g1, ids.g3, ids.g4].sort());
    expect(idsOf(await allRows(ctx, { planId: gift.id, dateField: "redeemed", to: beforeRedemptions }))).toEqual([]);
  });

  it("totals count, initial, redeemed and available value per currency, never mixing currencies", async () => {
    const { ctx, eur, yen, here } = await redeemedWorld();
    const byCode = [
      { currency: eur.code, minorUnits: 2, passes: 2, initialValueMinor: 5000, redeemedValueMinor: 3500, availableBalanceMinor: 1500 },
      { currency: yen.code, minorUnits: 0, passes: 1, initialValueMinor: 500, redeemedValueMinor: 500, availableBalanceMinor: 0 },
    ].sort((a, b) => a.currency.localeCompare(b.currency));
    expect(await totalsOf(ctx, { organisationId: here.id })).toEqual({
      passes: 4,
      byCurrency: [...byCode, { currency: null, minorUnits: null, passes: 1, initialValueMinor: 0, redeemedValueMinor: 0, availableBalanceMinor: 0 }],
    });
    expect(await totalsOf(ctx, { organisationId: here.id, type: "TOP_UP" })).toEqual({
      passes: 1,
      byCurrency: [{ currency: yen.code, minorUnits: 0, passes: 1, initialValueMinor: 500, redeemedValueMinor: 500, availableBalanceMinor: 0 }],
    });
    expect(await totalsOf(ctx, { organisationId: here.id, state: "CANCELLED" })).toEqual({ passes: 0, byCurrency: [] });
  });

  it("shows redeemed and available value per pass: a partial redemption leaves the rest available", async () => {
    const { ctx, ids, here } = await redeemedWorld();
    const rows = new Map((await allRows(ctx, { organisationId: here.id })).map((r) => [r.id, r]));
    expect(rows.get(ids.m1)).toMatchObject({ state: "ACTIVE", initialValueMinor: 2500, redeemedValueMinor: 1000, availableBalanceMinor: 1500 });
    expect(rows.get(ids.g1)).toMatchObject({ state: "REDEEMED", redeemedValueMinor: 2500, availableBalanceMinor: 0 });
    expect(rows.get(ids.g1)!.redeemedAt).toBeInstanceOf(Date);
    expect(rows.get(ids.p1)).toMatchObject({ type: "PROMOTION", currency: null, initialValueMinor: null, redeemedValueMinor: null, availableBalanceMinor: null });
  });

  it("orders the rows by the date the range filters on, page by page in both directions, and by issue date without a range", async () => {
    const ctx = await contextAs("finance");
    const currency = await uniqueCurrency(ctx, 2);
    const plan = await testPlan(ctx, { currency: currency.code, fixedValueMinor: 1000 });
    const holder = await createContact(ctx, { email: uniqueEmail() });
    const issued = await Promise.all(["2021-04-01", "2021-04-02", "2021-04-03"].map((date) => testPass(ctx, plan, { issuedAt: day(date) })));
    const since = new Date();
    // Redeemed in an order of their own: third, first, second.
    for (const i of [2, 0, 1]) await redeemPass(ctx, { code: issued[i]!.code, contactId: holder.id });
    const [first, second, third] = issued.map((p) => p.pass.id);
    const redeemedSince = { planId: plan.id, dateField: "redeemed" as const, from: since };
    expect((await allRows(ctx, redeemedSince, 1)).map((r) => r.id)).toEqual([second, first, third]);
    expect((await allRows(ctx, redeemedSince, 1, "asc")).map((r) => r.id)).toEqual([third, first, second]);
    expect((await listPassesSummary(ctx, listPassesSummarySchema.parse({ ...redeemedSince, limit: 1 }))).orderedBy).toBe("redeemed");
    expect((await allRows(ctx, { planId: plan.id, dateField: "redeemed" }, 1)).map((r) => r.id)).toEqual([third, second, first]);
  });

  it("refuses a date range that ends before it starts", () => {
    expect(passesSummaryFiltersSchema.safeParse({ from: day("2021-03-02"), to: day("2021-03-01") }).success).toBe(false);
  });
});

describe("available balance of a gift pass that funded a nameless wallet", () => {
  it("is that wallet's available funds (pocket and open, not held), in rows and totals alike", async () => {
    const ctx = await contextAs("finance");
    const currency = await uniqueCurrency(ctx, 2);
    const plan = await testPlan(ctx, { currency: currency.code, fixedValueMinor: 2500 });
    const funded = await testPass(ctx, plan);
    const reversed = await testPass(ctx, plan);
    const registered = await testPass(ctx, plan);
    const untouched = await testPass(ctx, plan);
    const funding = { currency: currency.code, amountMinor: 2500, pocketMinor: 1500, openMinor: 300, heldMinor: 200 };
    await fundNamelessWallet(ctx, { ...funding, passId: funded.pass.id });
    await fundNamelessWallet(ctx, { ...funding, passId: reversed.pass.id });
    await ctx.db.update(passRedemptions).set({ reversedAt: new Date() }).where(eq(passRedemptions.passId, reversed.pass.id));
    await ctx.db.update(passes).set({ state: "ACTIVE", remainingValueMinor: 2500, redeemedAt: null }).where(eq(passes.id, reversed.pass.id));
    const registeredLater = await fundNamelessWallet(ctx, { ...funding, passId: registered.pass.id });
    await ctx.db.update(contacts).set({ kind: "registered" }).where(inArray(contacts.id, [registeredLater.contact.id]));

    const rows = new Map((await allRows(ctx, { planId: plan.id })).map((r) => [r.id, r]));
    expect(rows.get(funded.pass.id)).toMatchObject({ state: "REDEEMED", redeemedValueMinor: 2500, availableBalanceMinor: 1800, contactKind: "nameless", contactName: null });
    expect(rows.get(reversed.pass.id)).toMatchObject({ redeemedValueMinor: 0, availableBalanceMinor: 2500 });
    expect(rows.get(registered.pass.id)).toMatchObject({ redeemedValueMinor: 2500, availableBalanceMinor: 0 });
    expect(rows.get(untouched.pass.id)).toMatchObject({ redeemedValueMinor: 0, availableBalanceMinor: 2500 });

    const totals = await totalsOf(ctx, { planId: plan.id });
    expect(totals.byCurrency).toEqual([
      { currency: currency.code, minorUnits: 2, passes: 4, initialValueMinor: 10_000, redeemedValueMinor: 5000, availableBalanceMinor: 1800 + 2500 + 0 + 2500 },
    ]);
    expect(await totalsOf(ctx, { planId: plan.id, state: "REDEEMED" })).toMatchObject({ byCurrency: [{ passes: 2, availableBalanceMinor: 1800 }] });
  });
});

describe("a gift redeemed without a contact, through the redemption itself", () => {
  it("shows the nameless wallet it funded as the available balance", async () => {
    const ctx = await contextAs("support");
    const currency = await uniqueCurrency(ctx, 2);
    const plan = await testPlan(ctx, { currency: currency.code, fixedValueMinor: 4000 });
    const { pass, code } = await testPass(ctx, plan);
    await redeemPass(ctx, { code });
    const [row] = await allRows(ctx, { planId: plan.id });
    expect(row).toMatchObject({ id: pass.id, state: "REDEEMED", redeemedValueMinor: 4000, availableBalanceMinor: 4000 });
    expect((await totalsOf(ctx, { planId: plan.id })).byCurrency).toMatchObject([{ passes: 1, redeemedValueMinor: 4000, availableBalanceMinor: 4000 }]);
  });
});

async function csvOf(ctx: DomainContext, filters: PassesSummaryFiltersInput, batchSize = 2) {
  let text = "";
  for await (const chunk of passesSummaryCsv(ctx, passesSummaryFiltersSchema.parse(filters), batchSize)) text += chunk;
  return text;
}

describe("Passes Summary CSV", () => {
  it("escapes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Gift, "Deluxe"\nedition')).toBe('"Gift, ""Deluxe""\nedition"');
    expect(csvField("=HYPERLINK(1)", { text: true })).toBe("'=HYPERLINK(1)");
    expect(csvField("-12.50")).toBe("-12.50");
    expect(csvField(null)).toBe("");
  });

  it("writes a header and one line per pass across batches, money in the currency's minor units", async () => {
    const ctx = await contextAs("finance");
    const dinar = await uniqueCurrency(ctx, 3);
    const plan = await testPlan(ctx, { name: '=Gift, "Deluxe"', currency: dinar.code, fixedValueMinor: 12_345 });
    const contact = await createContact(ctx, { firstName: "Ada, Countess", lastName: "of Lovelace", email: uniqueEmail() });
    for (const date of ["2021-02-01", "2021-02-02", "2021-02-03", "2021-02-04"]) await testPass(ctx, plan, { issuedAt: day(date) });
    const last = await testPass(ctx, plan, { issuedAt: day("2021-02-05"), contactId: contact.id });
    await redeemPass(ctx, { code: last.code, contactId: contact.id });

    const lines = (await csvOf(ctx, { planId: plan.id })).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(passesSummaryCsvColumns.join(","));
    expect(lines).toHaveLength(1 + 5 + 1);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const prefix = [last.pass.id, last.pass.codeMask, `"'=Gift, ""Deluxe"""`, "GIFT", "REDEEMED", contact.id, '"Ada, Countess of Lovelace"', "2021-02-05T12:00:00.000Z", "2021-02-05T12:00:00.000Z"].join(",");
    const suffix = ["", dinar.code, "12.345", "12.345", "0.000"].join(",");
    expect(lines[1]).toMatch(new RegExp(`^${escape(prefix)},\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,${escape(suffix)}$`));
    expect(lines[2]).toMatch(new RegExp(`,ACTIVE,,,2021-02-04T12:00:00.000Z,2021-02-04T12:00:00.000Z,,,${dinar.code},12.345,0.000,12.345$`));
  });
});
