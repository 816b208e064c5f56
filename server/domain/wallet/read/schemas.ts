import { z } from "zod";
import { journalEntryKinds } from "../../ledger/kinds";
import { pageInputSchema } from "../../paging";

export const contactWalletsSchema = z.object({ contactId: z.string().uuid("Not a contact id.") });
export type ContactWalletsInput = z.infer<typeof contactWalletsSchema>;

/** Which credit lots to list: with money left and not expired, expired, or every lot. */
export const creditLotStatuses = ["open", "expired", "all"] as const;
export type CreditLotStatus = (typeof creditLotStatuses)[number];

export const listCreditLotsSchema = pageInputSchema.extend({
  walletId: z.string().uuid("Not a wallet id."),
  status: z.enum(creditLotStatuses).default("open"),
});
export type ListCreditLotsInput = z.infer<typeof listCreditLotsSchema>;

const statementFilterFields = {
  walletId: z.string().uuid("Not a wallet id."),
  kind: z.enum(journalEntryKinds).optional(),
  /** Inclusive. */
  from: z.coerce.date().optional(),
  /** Exclusive: the first moment no longer included. */
  to: z.coerce.date().optional(),
};
const rangeInOrder = (v: { from?: Date; to?: Date }) => !v.from || !v.to || v.from < v.to;
const rangeRule = { path: ["to"], message: "The end of the range must come after its start." };

/** The filters of a wallet statement, shared by the page and the CSV export. */
export const statementFiltersSchema = z.object(statementFilterFields).refine(rangeInOrder, rangeRule);
export type StatementFilters = z.infer<typeof statementFiltersSchema>;

export const walletStatementSchema = pageInputSchema.extend(statementFilterFields).refine(rangeInOrder, rangeRule);
export type WalletStatementInput = z.infer<typeof walletStatementSchema>;

/** Statement filters read from a URL's query string (the CSV link); empty values mean "not set". */
export function statementFiltersFromSearchParams(walletId: string, params: URLSearchParams) {
  const raw: Record<string, string> = { walletId };
  for (const key of ["kind", "from", "to"] as const) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  return statementFiltersSchema.safeParse(raw);
}
