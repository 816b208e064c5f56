import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { passes, passesSummary, passesSummaryDeltas, passPlans, passRedemptions } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { systemActor } from "../../actor";
import type { DomainContext } from "../../context";
import { createContact } from "../../contacts/create";
import { uniqueEmail } from "../../contacts/test-fixtures";
import { newId } from "../../ids";
import { newMerchant, uniqueCurrency } from "../../network/test-fixtures";
import { cancelPass } from "../../passes/actions/cancel";
import { changePassExpiry } from "../../passes/actions/expiry";
import { redeemPass } from "../../passes/redeem/redeem";
import { reverseRedemption } from "../../passes/support/reverse-redemption";
import { testPass, testPlan } from "../../passes/test-fixtures";
import { splitByDay } from "./day-split";
import { availableBalanceMinor, passesSummaryWhere, redeemedValueMinor } from "./query";
import { rollUpPassesSummary } from "./roll-up";
import { passesSummaryFiltersSchema, type PassesSummaryFiltersInput } from "./schemas";
import { reportCatalogue } from "./test-fixtures";
import { passesSummaryTotals } from "./totals";

testDatabase();

const at = (iso: string) => new Date(iso);

/** The totals computed pass by pass, as the report's rows show them: the reference the summary must equal. */
async function passByPass(ctx: DomainContext, filters: PassesSummaryFiltersInput) {
  return ctx.db
    .select({
      currency: passes.currency,
      passes: sql<number>`count(*)`.mapWith(Number),
      initialValueMinor: sql<number>`coalesce(sum(${passes.initialValueMinor}), 0)`.mapWith(Number),
      redeemedValueMinor: sql<number>`coalesce(sum(${redeemedValueMinor}), 0)`.mapWith(Number),
      availableBalanceMinor: sql<number>`coalesce(sum(${availableBalanceMinor}), 0)`.mapWith(Number),
    })
    .from(passes)
    .innerJoin(passPlans, eq(passPlans.id, passes.planId))
    .where(passesSummaryWhere(passesSummaryFiltersSchema.parse(filters)))
    .groupBy(passes.currency)
    .orderBy(sql`${passes.currency} nulls last`);
}

/**
 * Each filter's totals against the pass-by-pass reference, both read in one snapshot (other test
 * files write passes meanwhile, and some filters cover every pass of the database).
 */
async function expectExact(ctx: DomainContext, filterSets: PassesSummaryFiltersInput[]) {
  await ctx.db.transaction(
    async (tx) => {
      const inSnapshot = { ...ctx, db: tx };
      for (const filters of filterSets) {
        const totals = await passesSummaryTotals(inSnapshot, passesSummaryFiltersSchema.parse(filters));
        const actual = totals.byCurrency.map(({ minorUnits: _minorUnits, ...row }) => row);
        expect({ filters, totals: actual }).toEqual({ filters, totals: await passByPass(inSnapshot, filters) });
      }
    },
    { isolationLevel: "repeatable read" },
  );
}

/**
 * Passes of four plans issued across a few days at and between midnights, used at two
 * organisations (a multi-use pass at both), one redemption rolled back, one pass cancelled and
 * one given a new expiry.
 */
async function world() {
  const ctx = await contextAs("support");
  const { here, there, eurHolder, yenHolder, gift, multi, topUp, promotion } = await reportCatalogue(ctx, { multiValueMinor: 3000 });
  const issued = ["2022-05-01T00:00:00Z", "2022-05-01T10:30:00Z", "2022-05-02T23:59:59.999Z", "2022-05-03T00:00:00Z", "2022-05-03T12:00:00Z"];
  const gifts = [];
  for (const [i, iso] of issued.entries()) {
    gifts.push(await testPass(ctx, gift, { issuedAt: at(iso), expiresAt: i % 2 ? at(`2030-0${i + 1}-15T08:00:00Z`) : null }));
  }
  const m1 = await testPass(ctx, multi, { issuedAt: at("2022-05-02T06:00:00Z") });
  const t1 = await testPass(ctx, topUp, { issuedAt: at("2022-05-02T18:00:00Z"), expiresAt: at("2030-03-01T00:00:00Z") });
  const p1 = await testPass(ctx, promotion, { issuedAt: at("2022-05-03T09:00:00Z") });
  const redeem = (code: string, organisationId: string, amountMinor?: number, contactId = eurHolder.id) => redeemPass(ctx, { code, contactId, organisationId, amountMinor });

  await redeem(gifts[0]!.code, here.id);
  await redeem(gifts[1]!.code, there.id);
  const rolledBack = await redeem(gifts[2]!.code, here.id);
  await reverseRedemption(ctx, { redemptionId: rolledBack.redemptionId, reason: "test" });
  await redeem(m1.code, here.id, 1000);
  await redeem(m1.code, there.id, 500);
  await redeem(m1.code, here.id, 700);
  await redeem(t1.code, there.id, undefined, yenHolder.id);
  await redeem(p1.code, here.id);
  await cancelPass(ctx, { passId: gifts[3]!.pass.id });
  await changePassExpiry(ctx, { passId: gifts[4]!.pass.id, expiresAt: at("2031-01-01T00:00:00Z") });
  return { ctx, here, there, eurHolder, plans: { gift, multi, topUp, promotion }, gifts, m1 };
}

type World = Awaited<ReturnType<typeof world>>;

/** Filters of every kind: keys, organisations, each date with whole days, partial days, open ends and within one day. */
function filterSets({ here, there, plans }: World): PassesSummaryFiltersInput[] {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const hourAgo = new Date(Date.now() - 3_600_000);
  const gift = plans.gift.id;
  return [
    {},
    { state: "ACTIVE" },
    { state: "REDEEMED" },
    { type: "GIFT" },
    { planId: gift },
    { planId: plans.multi.id, state: "ACTIVE" },
    { organisationId: here.id },
    { organisationId: there.id },
    { organisationId: here.id, state: "REDEEMED" },
    { organisationId: there.id, type: "GIFT" },
    { organisationId: here.id, type: "PROMOTION" },
    { planId: gift, from: at("2022-05-01T00:00:00Z"), to: at("2022-05-03T00:00:00Z") },
    { planId: gift, from: at("2022-05-01T10:00:00Z"), to: at("2022-05-03T13:00:00Z") },
    { planId: gift, from: at("2022-05-02T01:00:00Z"), to: at("2022-05-02T23:59:59.999Z") },
    { planId: gift, from: at("2022-05-02T06:00:00Z") },
    { type: "GIFT", to: at("2022-05-03T06:00:00Z") },
    { organisationId: here.id, from: at("2022-05-01T05:00:00Z"), to: at("2022-05-03T10:00:00Z") },
    { dateField: "activated", planId: gift, from: at("2022-05-01T10:30:00Z"), to: at("2022-05-03T00:00:00Z") },
    { dateField: "redeemed", from: hourAgo },
    { dateField: "redeemed", organisationId: here.id, from: today, to: new Date(today.getTime() + 86_400_000) },
    { dateField: "redeemed", planId: gift, to: hourAgo },
    { dateField: "expires", type: "GIFT", from: at("2030-02-15T00:00:00Z"), to: at("2031-01-01T00:00:00Z") },
    { dateField: "expires", planId: gift, from: at("2030-02-15T08:00:00Z") },
  ];
}

describe("Passes Summary totals from the pre-aggregated summary", () => {
  it("equal the pass-by-pass totals under every filter, before and after a roll-up, through redemptions, roll-backs, cancellations and expiry changes", async () => {
    const w = await world();
    const filters = filterSets(w);
    await expectExact(w.ctx, filters);
    await rollUpPassesSummary(w.ctx);
    await expectExact(w.ctx, filters);

    const more = await testPass(w.ctx, w.plans.gift, { issuedAt: at("2022-05-02T12:00:00Z") });
    const redeemed = await redeemPass(w.ctx, { code: more.code, contactId: w.eurHolder.id, organisationId: w.there.id });
    await cancelPass(w.ctx, { passId: w.gifts[4]!.pass.id });
    await expectExact(w.ctx, filters);
    await reverseRedemption(w.ctx, { redemptionId: redeemed.redemptionId, reason: "test" });
    await rollUpPassesSummary(w.ctx);
    await expectExact(w.ctx, filters);
  });

  it("change right after a redemption, its roll-back and a cancellation, with no roll-up between", async () => {
    const ctx = await contextAs("support");
    const currency = await uniqueCurrency(ctx, 2);
    const here = await newMerchant(ctx, unique("Here "));
    const holder = await createContact(ctx, { email: uniqueEmail() });
    const plan = await testPlan(ctx, { currency: currency.code, fixedValueMinor: 2500 });
    const [a, b] = [await testPass(ctx, plan), await testPass(ctx, plan)];
    await rollUpPassesSummary(ctx);
    const totals = async (filters: PassesSummaryFiltersInput) =>
      (await passesSummaryTotals(ctx, passesSummaryFiltersSchema.parse({ planId: plan.id, ...filters }))).byCurrency.map((row) => ({
        passes: row.passes,
        redeemed: row.redeemedValueMinor,
        available: row.availableBalanceMinor,
      }));

    const { redemptionId } = await redeemPass(ctx, { code: a.code, contactId: holder.id, organisationId: here.id });
    expect(await totals({})).toEqual([{ passes: 2, redeemed: 2500, available: 2500 }]);
    expect(await totals({ state: "REDEEMED" })).toEqual([{ passes: 1, redeemed: 2500, available: 0 }]);
    expect(await totals({ organisationId: here.id })).toEqual([{ passes: 1, redeemed: 2500, available: 0 }]);

    await reverseRedemption(ctx, { redemptionId, reason: "test" });
    expect(await totals({ state: "ACTIVE" })).toEqual([{ passes: 2, redeemed: 0, available: 5000 }]);
    expect(await totals({ organisationId: here.id })).toEqual([]);

    await cancelPass(ctx, { passId: b.pass.id });
    expect(await totals({ state: "CANCELLED" })).toEqual([{ passes: 1, redeemed: 0, available: 2500 }]);
    expect(await totals({ state: "ACTIVE" })).toEqual([{ passes: 1, redeemed: 0, available: 2500 }]);
  });
});

/** What a redemption writes to the pass tables, in SQL: the parts of the summary it moves. */
async function redeemRows(ctx: DomainContext, passId: string, organisationId: string) {
  await ctx.db
    .update(passes)
    .set({ state: "REDEEMED", usesCount: sql`${passes.usesCount} + 1`, remainingValueMinor: 0, redeemedAt: new Date() })
    .where(eq(passes.id, passId));
  await ctx.db.insert(passRedemptions).values({ id: newId(), passId, amountMinor: 2500, currency: "EUR", organisationId, actorType: "system" });
}

describe("Passes Summary writes", () => {
  it("append deltas on a redemption and leave the rolled-up rows to the roll-up, which prunes what nets to nothing", async () => {
    const ctx = await contextAs("support");
    const here = await newMerchant(ctx, unique("Here "));
    const plan = await testPlan(ctx);
    const { pass } = await testPass(ctx, plan);
    await rollUpPassesSummary(ctx);
    const rolledUp = () => ctx.db.select().from(passesSummary).where(eq(passesSummary.planId, plan.id)).orderBy(passesSummary.facet, passesSummary.state, passesSummary.day);
    const before = await rolledUp();
    expect(before.filter((row) => row.facet === "any")).toEqual([expect.objectContaining({ organisationId: null, state: "ACTIVE", passes: 1, remainingMinor: 2500 })]);

    await ctx.db.transaction((tx) => redeemRows({ ...ctx, db: tx }, pass.id, here.id));
    expect(await rolledUp()).toEqual(before);
    const deltas = await ctx.db
      .select({ organisationId: passesSummaryDeltas.organisationId, state: passesSummaryDeltas.state, passes: passesSummaryDeltas.passes, remaining: passesSummaryDeltas.remainingMinor })
      .from(passesSummaryDeltas)
      .where(eq(passesSummaryDeltas.planId, plan.id));
    expect(deltas).toEqual(
      expect.arrayContaining([
        { organisationId: null, state: "ACTIVE", passes: -1, remaining: -2500 },
        { organisationId: null, state: "REDEEMED", passes: 1, remaining: 0 },
        { organisationId: here.id, state: "REDEEMED", passes: 1, remaining: 0 },
      ]),
    );
    expect(deltas).toHaveLength(3);

    await rollUpPassesSummary(ctx);
    expect(await ctx.db.select().from(passesSummaryDeltas).where(eq(passesSummaryDeltas.planId, plan.id))).toEqual([]);
    const after = await rolledUp();
    const anyDate = after.filter((row) => row.facet === "any");
    expect(anyDate).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: null, state: "REDEEMED", passes: 1, redeemedMinor: 2500 }),
        expect.objectContaining({ organisationId: here.id, state: "REDEEMED", passes: 1, redeemedMinor: 2500 }),
      ]),
    );
    expect(anyDate).toHaveLength(2);
    expect(after.some((row) => row.state === "ACTIVE")).toBe(false);
  });

  it("append nothing for changes that move no total (a pass's or a redemption's contact)", async () => {
    const ctx = await contextAs("support");
    const here = await newMerchant(ctx, unique("Here "));
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const plan = await testPlan(ctx);
    const { pass } = await testPass(ctx, plan);
    await ctx.db.transaction((tx) => redeemRows({ ...ctx, db: tx }, pass.id, here.id));
    await rollUpPassesSummary(ctx);

    await ctx.db.update(passes).set({ contactId: contact.id }).where(eq(passes.id, pass.id));
    await ctx.db.update(passRedemptions).set({ contactId: contact.id }).where(eq(passRedemptions.passId, pass.id));
    expect(await ctx.db.select().from(passesSummaryDeltas).where(eq(passesSummaryDeltas.planId, plan.id))).toEqual([]);
  });

  it("let parallel redemptions of one plan at one organisation commit without waiting on each other", async () => {
    const ctx = await contextAs("support");
    const here = await newMerchant(ctx, unique("Here "));
    const plan = await testPlan(ctx);
    const [a, b] = [await testPass(ctx, plan), await testPass(ctx, plan)];
    await ctx.db.transaction(async (open) => {
      await redeemRows({ ...ctx, db: open }, a.pass.id, here.id);
      // Another connection, while the first redemption's transaction still holds its locks.
      await ctx.db.transaction(async (other) => {
        await other.execute(sql`set local lock_timeout = '2s'`);
        await redeemRows({ ...ctx, db: other }, b.pass.id, here.id);
      });
    });
    const totals = await passesSummaryTotals(ctx, passesSummaryFiltersSchema.parse({ planId: plan.id, organisationId: here.id }));
    expect(totals.passes).toBe(2);
  });
});

describe("on PGlite", () => {
  it("the triggers and the roll-up keep totals exact", async () => {
    const lite = createDatabase({ dataDir: "memory://" });
    try {
      await migrateDatabase(lite);
      const ctx: DomainContext = { db: lite.db, actor: systemActor("test") };
      await ctx.db.execute(sql`insert into currencies (code, name, minor_units) values ('EUR', 'Euro', 2)`);
      const org = { id: newId() };
      await ctx.db.execute(sql`insert into organisations (id, kind, name) values (${org.id}, 'merchant', 'Here')`);
      const plan = await testPlan(ctx);
      const made = [await testPass(ctx, plan, { issuedAt: at("2022-05-01T10:00:00Z") }), await testPass(ctx, plan, { issuedAt: at("2022-05-02T10:00:00Z") })];
      await ctx.db.transaction((tx) => redeemRows({ ...ctx, db: tx }, made[0]!.pass.id, org.id));
      const filters: PassesSummaryFiltersInput[] = [{}, { state: "ACTIVE" }, { organisationId: org.id }, { from: at("2022-05-01T12:00:00Z") }];
      await expectExact(ctx, filters);
      expect(await rollUpPassesSummary(ctx)).toBeGreaterThan(0);
      await expectExact(ctx, filters);
      expect(await ctx.db.select().from(passesSummary).where(and(eq(passesSummary.facet, "any"), eq(passesSummary.state, "ACTIVE")))).toEqual([
        expect.objectContaining({ organisationId: null, passes: 1, remainingMinor: 2500 }),
      ]);
    } finally {
      await lite.close();
    }
  });
});

describe("splitByDay", () => {
  const d = (iso: string) => new Date(iso);
  it("keeps whole UTC days for the summary and the partial days at the ends for an exact read", () => {
    expect(splitByDay({ from: d("2022-05-01T00:00:00Z"), to: d("2022-05-04T00:00:00Z") })).toEqual({ wholeDays: { from: "2022-05-01", to: "2022-05-04" }, edges: [] });
    expect(splitByDay({ from: d("2022-05-01T10:00:00Z"), to: d("2022-05-04T06:00:00Z") })).toEqual({
      wholeDays: { from: "2022-05-02", to: "2022-05-04" },
      edges: [
        { from: d("2022-05-01T10:00:00Z"), to: d("2022-05-02T00:00:00Z") },
        { from: d("2022-05-04T00:00:00Z"), to: d("2022-05-04T06:00:00Z") },
      ],
    });
    expect(splitByDay({ from: d("2022-05-01T10:00:00Z") })).toEqual({ wholeDays: { from: "2022-05-02", to: undefined }, edges: [{ from: d("2022-05-01T10:00:00Z"), to: d("2022-05-02T00:00:00Z") }] });
    expect(splitByDay({ to: d("2022-05-01T00:00:00Z") })).toEqual({ wholeDays: { from: undefined, to: "2022-05-01" }, edges: [] });
  });

  it("reads a range without a whole day pass by pass", () => {
    const within = { from: d("2022-05-01T10:00:00Z"), to: d("2022-05-01T20:00:00Z") };
    expect(splitByDay(within)).toEqual({ wholeDays: null, edges: [within] });
    const acrossMidnight = { from: d("2022-05-01T10:00:00Z"), to: d("2022-05-02T20:00:00Z") };
    expect(splitByDay(acrossMidnight)).toEqual({ wholeDays: null, edges: [acrossMidnight] });
  });
});
