import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { currencies, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { pageOf, type Page } from "../../paging";
import { orderByOf } from "../../sorting";
import { isPlanLocked } from "../lock";
import type { PassPlan } from "../plan-row";
import type { ListPassPlansInput, PassPlanIdInput } from "../schemas";
import { hasUniversalCode, universalPassOf } from "../universal-code";

const listColumns = {
  id: passPlans.id,
  name: passPlans.name,
  type: passPlans.type,
  distribution: passPlans.distribution,
  state: passPlans.state,
  currency: passPlans.currency,
  currencyMinorUnits: currencies.minorUnits,
  valueMode: passPlans.valueMode,
  fixedValueMinor: passPlans.fixedValueMinor,
  minValueMinor: passPlans.minValueMinor,
  maxValueMinor: passPlans.maxValueMinor,
  issuedCount: passPlans.issuedCount,
  maxPasses: passPlans.maxPasses,
  createdAt: passPlans.createdAt,
};
export type PassPlanSummary = { [K in keyof typeof listColumns]: K extends "currencyMinorUnits" ? number | null : PassPlan[K & keyof PassPlan] };

const sortColumns = { name: passPlans.name, createdAt: passPlans.createdAt, issuedCount: passPlans.issuedCount };
const containing = (search: string) => `%${search.replace(/[\\%_]/g, "\\$&")}%`;

/** Newest first unless sorted otherwise; filters by type, distribution, state and a name search. */
export async function listPassPlans(ctx: DomainContext, input: ListPassPlansInput): Promise<Page<PassPlanSummary>> {
  const where: SQL | undefined = and(
    input.type ? eq(passPlans.type, input.type) : undefined,
    input.distribution ? eq(passPlans.distribution, input.distribution) : undefined,
    input.state ? eq(passPlans.state, input.state) : undefined,
    input.search ? ilike(passPlans.name, containing(input.search)) : undefined,
  );
  const order = input.sortBy ? orderByOf(sortColumns, input, "createdAt") : orderByOf(sortColumns, { sortDir: "desc" }, "createdAt");
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(listColumns)
      .from(passPlans)
      .leftJoin(currencies, eq(currencies.code, passPlans.currency))
      .where(where)
      .orderBy(order, asc(passPlans.id))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(passPlans).where(where),
  ]);
  return pageOf(rows, total?.value ?? 0, input);
}

export interface PassPlanDetail extends PassPlan {
  currencyMinorUnits: number | null;
  /** Has passes: only name, description and state may change. */
  locked: boolean;
  /** The masked universal code of a single-code promotion plan; null until set. */
  universalCodeMask: string | null;
}

export async function getPassPlan(ctx: DomainContext, input: PassPlanIdInput): Promise<PassPlanDetail> {
  const [row] = await ctx.db
    .select({ plan: passPlans, currencyMinorUnits: currencies.minorUnits })
    .from(passPlans)
    .leftJoin(currencies, eq(currencies.code, passPlans.currency))
    .where(eq(passPlans.id, input.id));
  if (!row) throw notFound("Pass plan");
  const universalPass = hasUniversalCode(row.plan) ? await universalPassOf(ctx, row.plan.id) : null;
  return {
    ...row.plan,
    currencyMinorUnits: row.currencyMinorUnits,
    locked: await isPlanLocked(ctx, row.plan),
    universalCodeMask: universalPass?.codeMask ?? null,
  };
}
