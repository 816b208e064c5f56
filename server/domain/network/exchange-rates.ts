import { and, asc, desc, eq, inArray, isNull, lte, ne } from "drizzle-orm";
import { currencies, exchangeRates } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField, notFound } from "../errors";
import { newId } from "../ids";
import { convertMinor, money, type Money } from "../money";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import {
  normaliseRate,
  rateRule,
  type ConvertAmountInput,
  type CreateExchangeRateInput,
  type IdInput,
  type LatestRateInput,
  type ListExchangeRatesInput,
  type UpdateExchangeRateInput,
} from "./schemas";
import { assertArchiveChange, archiveStamp, countAll, limitOffset, liveUnless, paged, recordChange } from "./shared";

/** 1 unit of `base` = `rate` units of `quote`, from `validFrom` until the pair's next rate. */
const rateColumns = {
  id: exchangeRates.id,
  base: exchangeRates.base,
  quote: exchangeRates.quote,
  rate: exchangeRates.rate,
  validFrom: exchangeRates.validFrom,
  archivedAt: exchangeRates.archivedAt,
  createdAt: exchangeRates.createdAt,
  updatedAt: exchangeRates.updatedAt,
};
export type ExchangeRate = { [K in keyof typeof rateColumns]: (typeof exchangeRates.$inferSelect)[K] };

/** numeric(24,12) reads back padded ("1.084500000000"); people and payloads see "1.0845". */
const present = (row: ExchangeRate): ExchangeRate => ({ ...row, rate: normaliseRate(row.rate) ?? row.rate });

const sortColumns = {
  validFrom: exchangeRates.validFrom,
  base: exchangeRates.base,
  quote: exchangeRates.quote,
  createdAt: exchangeRates.createdAt,
};

export async function listExchangeRates(ctx: DomainContext, input: ListExchangeRatesInput): Promise<Page<ExchangeRate>> {
  const where = and(
    liveUnless(input.includeArchived, exchangeRates.archivedAt),
    input.base ? eq(exchangeRates.base, input.base) : undefined,
    input.quote ? eq(exchangeRates.quote, input.quote) : undefined,
  );
  const { limit, offset } = limitOffset(input);
  const page = await paged(
    input,
    ctx.db
      .select(rateColumns)
      .from(exchangeRates)
      .where(where)
      .orderBy(
        input.sortBy ? orderByOf(sortColumns, input, "validFrom") : desc(exchangeRates.validFrom),
        asc(exchangeRates.base),
        asc(exchangeRates.quote),
      )
      .limit(limit)
      .offset(offset),
    ctx.db.select(countAll).from(exchangeRates).where(where),
  );
  return { ...page, rows: page.rows.map(present) };
}

export async function getExchangeRate(ctx: DomainContext, input: IdInput): Promise<ExchangeRate> {
  const [rate] = await ctx.db.select(rateColumns).from(exchangeRates).where(eq(exchangeRates.id, input.id));
  if (!rate) throw notFound("Exchange rate");
  return present(rate);
}

function parseRate(rate: string): string {
  const normalised = normaliseRate(rate);
  if (!normalised) throw invalidField("rate", rateRule);
  return normalised;
}

/** Rates are quoted only between live currencies. */
async function assertLiveCurrencies(tx: DomainContext, base: string, quote: string) {
  if (base === quote) throw invalidField("quote", "Choose two different currencies.");
  const rows = await tx.db
    .select({ code: currencies.code, archivedAt: currencies.archivedAt })
    .from(currencies)
    .where(inArray(currencies.code, [base, quote]));
  for (const [field, code] of [["base", base], ["quote", quote]] as const) {
    const currency = rows.find((r) => r.code === code);
    if (!currency) throw invalidField(field, `${code} is not a currency of the business.`);
    if (currency.archivedAt) throw invalidField(field, `${code} is archived.`);
  }
}

/** One live rate per pair and start time: two would make the rate in force ambiguous. */
async function assertSlotFree(tx: DomainContext, rate: Pick<ExchangeRate, "base" | "quote" | "validFrom">, exceptId?: string) {
  const [clash] = await tx.db
    .select({ id: exchangeRates.id })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.base, rate.base),
        eq(exchangeRates.quote, rate.quote),
        eq(exchangeRates.validFrom, rate.validFrom),
        isNull(exchangeRates.archivedAt),
        exceptId ? ne(exchangeRates.id, exceptId) : undefined,
      ),
    );
  if (clash) throw invalidField("validFrom", `A ${rate.base}→${rate.quote} rate already starts at that time.`);
}

export function createExchangeRate(ctx: DomainContext, input: CreateExchangeRateInput): Promise<ExchangeRate> {
  return inTransaction(ctx, async (tx) => {
    const rate = parseRate(input.rate);
    await assertLiveCurrencies(tx, input.base, input.quote);
    await assertSlotFree(tx, input);
    const [created] = await tx.db
      .insert(exchangeRates)
      .values({ id: newId(), base: input.base, quote: input.quote, rate, validFrom: input.validFrom })
      .returning(rateColumns);
    const after = present(created!);
    await recordChange(tx, { action: "exchange_rate.created", entityType: "exchange_rate", entityId: after.id, after });
    return after;
  });
}

async function lockRate(tx: DomainContext, id: string): Promise<ExchangeRate> {
  const [rate] = await tx.db.select(rateColumns).from(exchangeRates).where(eq(exchangeRates.id, id)).for("update");
  if (!rate) throw notFound("Exchange rate");
  return present(rate);
}

/** Corrects a rate or its start; conversions already made keep both amounts and are not redone. */
export function updateExchangeRate(ctx: DomainContext, input: UpdateExchangeRateInput): Promise<ExchangeRate> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockRate(tx, input.id);
    if (before.archivedAt) throw new DomainError("INVALID_STATE", "This exchange rate is archived: unarchive it first.");
    const rate = input.rate === undefined ? undefined : parseRate(input.rate);
    if (input.validFrom) await assertSlotFree(tx, { ...before, validFrom: input.validFrom }, input.id);
    const [updated] = await tx.db
      .update(exchangeRates)
      .set({ rate, validFrom: input.validFrom })
      .where(eq(exchangeRates.id, input.id))
      .returning(rateColumns);
    const after = present(updated!);
    await recordChange(tx, { action: "exchange_rate.updated", entityType: "exchange_rate", entityId: input.id, before, after });
    return after;
  });
}

/** Archiving withdraws a mistaken rate: conversions fall back to the pair's previous rate. */
export function setExchangeRateArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<ExchangeRate> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockRate(tx, input.id);
    assertArchiveChange("exchange rate", before, archived);
    if (!archived) await assertSlotFree(tx, before, input.id);
    const [updated] = await tx.db
      .update(exchangeRates)
      .set(archiveStamp(archived))
      .where(eq(exchangeRates.id, input.id))
      .returning(rateColumns);
    const after = present(updated!);
    const action = archived ? "exchange_rate.archived" : "exchange_rate.unarchived";
    await recordChange(tx, { action, entityType: "exchange_rate", entityId: input.id, before, after });
    return after;
  });
}

/** The live rate of base→quote in force at `at` (the latest one starting at or before it), or null. */
export async function latestRate(ctx: DomainContext, input: LatestRateInput): Promise<ExchangeRate | null> {
  const [rate] = await ctx.db
    .select(rateColumns)
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.base, input.base),
        eq(exchangeRates.quote, input.quote),
        lte(exchangeRates.validFrom, input.at),
        isNull(exchangeRates.archivedAt),
      ),
    )
    .orderBy(desc(exchangeRates.validFrom))
    .limit(1);
  return rate ? present(rate) : null;
}

export interface Conversion {
  amount: Money;
  /** The rate applied ("1" within one currency) and its row, null within one currency. */
  rate: string;
  rateId: string | null;
}

/**
 * Converts an amount with the rate in force at `at`, by convertMinor's single rounding rule.
 * Rates are entered per direction: without a from→to rate the conversion is refused.
 */
export async function convertAmount(ctx: DomainContext, input: ConvertAmountInput): Promise<Conversion> {
  if (input.from === input.to) return { amount: money(input.amountMinor, input.to), rate: "1", rateId: null };
  const rate = await latestRate(ctx, { base: input.from, quote: input.to, at: input.at });
  if (!rate) {
    throw new DomainError("BUSINESS_RULE", `There is no ${input.from}→${input.to} exchange rate on ${input.at.toISOString().slice(0, 10)}.`, {
      base: input.from,
      quote: input.to,
      at: input.at.toISOString(),
    });
  }
  const units = await ctx.db
    .select({ code: currencies.code, minorUnits: currencies.minorUnits })
    .from(currencies)
    .where(inArray(currencies.code, [input.from, input.to]));
  const minorUnitsOf = (code: string) => units.find((u) => u.code === code)!.minorUnits;
  const amountMinor = convertMinor(input.amountMinor, rate.rate, minorUnitsOf(input.from), minorUnitsOf(input.to));
  return { amount: money(amountMinor, input.to), rate: rate.rate, rateId: rate.id };
}
