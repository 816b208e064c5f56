import { payoutRequests } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { newId } from "../../ids";
import { emitEvent } from "../../outbox";
import type { PayoutView } from "../operation-schemas";
import { requestPayoutSchema, type RequestPayoutInput } from "../operation-schemas";
import { spendingWallet } from "../spending-wallet";
import { payoutView } from "./view";

/**
 * Asks to pay open funds out to the contact (D6): REQUESTED until finance decides. The open
 * balance is checked now but not reserved; approval moves the money and refuses if it is gone.
 */
export async function requestPayout(ctx: DomainContext, rawInput: RequestPayoutInput): Promise<PayoutView> {
  const input = requestPayoutSchema.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const { wallet, open } = await spendingWallet(tx, input.contactId, input.currency);
    const openMinor = (await tx.db.query.ledgerAccounts.findFirst({ where: (a, { eq }) => eq(a.id, open.id) }))?.balanceMinor ?? 0;
    if (openMinor < input.amountMinor) {
      throw new DomainError("INSUFFICIENT_FUNDS", "Only open funds can be paid out, and there are not enough.", { requestedMinor: input.amountMinor, openMinor });
    }
    const [row] = await tx.db
      .insert(payoutRequests)
      .values({ id: newId(), walletId: wallet.id, contactId: input.contactId, currency: wallet.currency, amountMinor: input.amountMinor, requestedByLabel: ctx.actor.label })
      .returning();
    const view = payoutView(row!);
    await recordAudit(tx, { action: "payout.requested", entityType: "payout", entityId: view.payoutId, after: view });
    await emitEvent(tx, { type: "payout.requested", entityType: "payout", entityId: view.payoutId, payload: view });
    return view;
  });
}
