import { and, asc, eq } from "drizzle-orm";
import { currencies } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, notFound } from "../errors";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import type { CreateCurrencyInput, CurrencyCodeInput, ListCurrenciesInput, UpdateCurrencyInput } from "./schemas";
import { assertArchiveChange, archiveStamp, countAll, limitOffset, liveUnless, paged, recordChange, searchOn, taken } from "./shared";

const currencyColumns = {
  code: currencies.code,
  name: currencies.name,
  minorUnits: currencies.minorUnits,
  isBusinessCurrency: currencies.isBusinessCurrency,
  archivedAt: currencies.archivedAt,
  createdAt: currencies.createdAt,
  updatedAt: currencies.updatedAt,
};
export type Currency = { [K in keyof typeof currencyColumns]: (typeof currencies.$inferSelect)[K] };

const sortColumns = { code: currencies.code, name: currencies.name };

/** The audit log redacts any key named `code` (passcodes), so currency snapshots name it plainly. */
const snapshot = ({ code, ...rest }: Currency) => ({ currencyCode: code, ...rest });

async function recordCurrencyChange(tx: DomainContext, action: string, after: Currency, before?: Currency) {
  await recordChange(tx, {
    action,
    entityType: "currency",
    entityId: null,
    before: before && snapshot(before),
    after: snapshot(after),
  });
}

export async function listCurrencies(ctx: DomainContext, input: ListCurrenciesInput): Promise<Page<Currency>> {
  const where = and(liveUnless(input.includeArchived, currencies.archivedAt), searchOn(input.search, currencies.code, currencies.name));
  const { limit, offset } = limitOffset(input);
  return paged(
    input,
    ctx.db.select(currencyColumns).from(currencies).where(where).orderBy(orderByOf(sortColumns, input, "code"), asc(currencies.code)).limit(limit).offset(offset),
    ctx.db.select(countAll).from(currencies).where(where),
  );
}

export async function getCurrency(ctx: DomainContext, input: CurrencyCodeInput): Promise<Currency> {
  const [currency] = await ctx.db.select(currencyColumns).from(currencies).where(eq(currencies.code, input.code));
  if (!currency) throw notFound("Currency");
  return currency;
}

/** The currency reports and purchases convert into (D8), or null before any currency exists. */
export async function getBusinessCurrency(ctx: DomainContext): Promise<Currency | null> {
  const [currency] = await ctx.db.select(currencyColumns).from(currencies).where(eq(currencies.isBusinessCurrency, true));
  return currency ?? null;
}

async function lockCurrency(tx: DomainContext, code: string): Promise<Currency> {
  const [currency] = await tx.db.select(currencyColumns).from(currencies).where(eq(currencies.code, code)).for("update");
  if (!currency) throw notFound("Currency");
  return currency;
}

/** Clears the flag of the current business currency, locked so only one switch happens at a time. */
async function releaseBusinessCurrency(tx: DomainContext): Promise<Currency | null> {
  const [current] = await tx.db
    .select(currencyColumns)
    .from(currencies)
    .where(eq(currencies.isBusinessCurrency, true))
    .for("update");
  if (current) await tx.db.update(currencies).set({ isBusinessCurrency: false }).where(eq(currencies.code, current.code));
  return current ?? null;
}

/** The first currency becomes the business currency, so there is always exactly one. */
export function createCurrency(ctx: DomainContext, input: CreateCurrencyInput): Promise<Currency> {
  return inTransaction(ctx, async (tx) => {
    const [holder] = await tx.db.select({ archivedAt: currencies.archivedAt }).from(currencies).where(eq(currencies.code, input.code));
    if (holder) throw taken("code", `The currency ${input.code}`, holder);
    const previous = input.isBusinessCurrency ? await releaseBusinessCurrency(tx) : await getBusinessCurrency(tx);
    const [created] = await tx.db
      .insert(currencies)
      .values({ code: input.code, name: input.name, minorUnits: input.minorUnits, isBusinessCurrency: input.isBusinessCurrency || !previous })
      .returning(currencyColumns);
    await recordCurrencyChange(tx, "currency.created", created!);
    return created!;
  });
}

/** Only the name changes: amounts already stored are counted in the currency's minor units. */
export function updateCurrency(ctx: DomainContext, input: UpdateCurrencyInput): Promise<Currency> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCurrency(tx, input.code);
    const [after] = await tx.db.update(currencies).set({ name: input.name }).where(eq(currencies.code, input.code)).returning(currencyColumns);
    await recordCurrencyChange(tx, "currency.updated", after!, before);
    return after!;
  });
}

/** Moves the business-currency flag to a live currency in one transaction. */
export function setBusinessCurrency(ctx: DomainContext, input: CurrencyCodeInput): Promise<Currency> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCurrency(tx, input.code);
    if (before.isBusinessCurrency) throw new DomainError("INVALID_STATE", `${input.code} is already the business currency.`);
    if (before.archivedAt) throw new DomainError("BUSINESS_RULE", `${input.code} is archived: unarchive it first.`);
    await releaseBusinessCurrency(tx);
    const [after] = await tx.db
      .update(currencies)
      .set({ isBusinessCurrency: true })
      .where(eq(currencies.code, input.code))
      .returning(currencyColumns);
    await recordCurrencyChange(tx, "currency.made_business_currency", after!, before);
    return after!;
  });
}

export function setCurrencyArchived(ctx: DomainContext, input: CurrencyCodeInput, archived: boolean): Promise<Currency> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockCurrency(tx, input.code);
    assertArchiveChange("currency", before, archived);
    if (archived && before.isBusinessCurrency) {
      throw new DomainError("BUSINESS_RULE", "The business currency cannot be archived: make another currency the business currency first.");
    }
    const [after] = await tx.db.update(currencies).set(archiveStamp(archived)).where(eq(currencies.code, input.code)).returning(currencyColumns);
    await recordCurrencyChange(tx, archived ? "currency.archived" : "currency.unarchived", after!, before);
    return after!;
  });
}
