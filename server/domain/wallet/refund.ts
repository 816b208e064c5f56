import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { spendRefunds, spends } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, notFound } from "../errors";
import { newId } from "../ids";
import { systemAccount } from "../ledger/accounts";
import { postEntry } from "../ledger/post-entry";
import { emitEvent } from "../outbox";
import { walletBalances, type WalletBalances } from "./balances";
import { refundSpendSchema, type RefundSpendInput } from "./operation-schemas";
import { openAccount } from "./wallets";

export interface SpendRefunded {
  refundId: string;
  spendId: string;
  refundedMinor: number;
  totalRefundedMinor: number;
  journalEntryId: string;
  balances: WalletBalances;
}

/**
 * Refunds a spend fully or partly (D6 reversal): a SPEND_REFUND entry naming the spend entry
 * moves the amount from SETTLEMENT back to the wallet's **open funds**. Refunded money returns
 * as open funds, not to the credit lots the automatic redeem took it from: the redeem was a
 * conversion the contact already got (the purchase was paid), the lots may have expired since,
 * and a spend paid partly from open funds could not say which cent came from where. A blocked
 * contact still receives refunds (credits always arrive).
 *
 * `spends.refundedMinor` rises only through a conditional update (`refunded + x <= amount`),
 * so refunding more than was spent, or a full refund twice, is refused (INVALID_STATE) even
 * when two refunds race.
 */
export async function refundSpend(ctx: DomainContext, rawInput: RefundSpendInput): Promise<SpendRefunded> {
  const input = refundSpendSchema.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [spend] = await tx.db.select().from(spends).where(eq(spends.id, input.spendId));
    if (!spend) throw notFound("Spend");
    const amountMinor = input.amountMinor ?? spend.amountMinor - spend.refundedMinor;
    if (amountMinor <= 0) throw new DomainError("INVALID_STATE", "This spend is already fully refunded.");
    const [updated] = rowsOf<{ refunded_minor: string | number }>(
      await tx.db.execute(sql`
        update spends set refunded_minor = refunded_minor + ${amountMinor}
        where id = ${spend.id} and refunded_minor + ${amountMinor} <= amount_minor
        returning refunded_minor`),
    );
    if (!updated) {
      throw new DomainError("INVALID_STATE", "The refund is more than what is left of this spend.", {
        spentMinor: spend.amountMinor,
        requestedMinor: amountMinor,
      });
    }
    const totalRefundedMinor = Number(updated.refunded_minor);
    const refundId = newId();
    const [open, settlement] = await Promise.all([openAccount(tx, { id: spend.walletId }), systemAccount(tx, "SETTLEMENT", spend.currency)]);
    const entry = await postEntry(tx, {
      kind: "SPEND_REFUND",
      causeType: "spend_refund",
      causeId: refundId,
      reversesEntryId: spend.spendEntryId,
      memo: input.reason,
      postings: [
        { account: settlement, amountMinor: -amountMinor },
        { account: open, amountMinor },
      ],
    });
    const facts = { spendId: spend.id, walletId: spend.walletId, contactId: spend.contactId, currency: spend.currency, refundedMinor: amountMinor, totalRefundedMinor, reason: input.reason, journalEntryId: entry.id };
    const [, , , balances] = await Promise.all([
      tx.db.insert(spendRefunds).values({ id: refundId, spendId: spend.id, amountMinor, reason: input.reason, entryId: entry.id }),
      recordAudit(tx, { action: "spend.refunded", entityType: "spend", entityId: spend.id, before: { refundedMinor: spend.refundedMinor }, after: facts }),
      emitEvent(tx, { type: "wallet.spend_refunded", entityType: "spend", entityId: spend.id, payload: facts }),
      walletBalances(tx, spend.walletId),
    ]);
    return { refundId, spendId: spend.id, refundedMinor: amountMinor, totalRefundedMinor, journalEntryId: entry.id, balances };
  });
}
