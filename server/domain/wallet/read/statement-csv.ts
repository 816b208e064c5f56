import { eq } from "drizzle-orm";
import { currencies } from "@/db/schema";
import type { DomainContext } from "../../context";
import { minorToDecimal } from "../../money";
import { csvField } from "../../reports/passes-summary/csv";
import { requireWallet } from "./credit-lots";
import type { StatementFilters } from "./schemas";
import { statementLinesAfter, type StatementLine } from "./statement";

export const statementCsvColumns = [
  "posted_at",
  "entry_id",
  "kind",
  "cause_type",
  "cause_id",
  "memo",
  "account",
  "pool",
  "currency",
  "amount",
  "account_balance_after",
  "available_after",
  "actor",
] as const;

function statementCsvLine(line: StatementLine, currency: string, minorUnits: number): string {
  const amount = (minor: number) => minorToDecimal(minor, minorUnits);
  return [
    line.at.toISOString(),
    csvField(line.entryId),
    csvField(line.kind),
    csvField(line.causeType),
    csvField(line.causeId),
    csvField(line.memo, { text: true }),
    csvField(line.account),
    csvField(line.account === "POCKET" ? (line.poolName ?? "Business pocket") : "", { text: true }),
    csvField(currency),
    amount(line.amountMinor),
    amount(line.accountBalanceAfterMinor),
    amount(line.availableAfterMinor),
    csvField(line.actorLabel, { text: true }),
  ].join(",");
}

/**
 * The wallet's statement as CSV text chunks, oldest line first: the header, then one chunk per
 * keyset batch on the posting id, so only one batch is in memory however long the history.
 */
export async function* walletStatementCsv(ctx: DomainContext, filters: StatementFilters, batchSize = 2_000): AsyncGenerator<string> {
  const wallet = await requireWallet(ctx, filters.walletId);
  const [unit] = await ctx.db.select({ minorUnits: currencies.minorUnits }).from(currencies).where(eq(currencies.code, wallet.currency));
  const minorUnits = unit?.minorUnits ?? 2;
  yield `${statementCsvColumns.join(",")}\r\n`;
  let after: string | undefined;
  for (;;) {
    const lines = await statementLinesAfter(ctx, filters, after, batchSize);
    if (lines.length > 0) yield lines.map((line) => `${statementCsvLine(line, wallet.currency, minorUnits)}\r\n`).join("");
    if (lines.length < batchSize) return;
    after = lines[lines.length - 1]!.postingId;
  }
}

/** wallet-statement-EUR-2026-11-23.csv */
export const walletStatementFileName = (currency: string, now = new Date()) => `wallet-statement-${currency}-${now.toISOString().slice(0, 10)}.csv`;
