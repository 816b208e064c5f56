import { eq } from "drizzle-orm";
import { creditLots, ledgerAccounts, passes, passRedemptions, wallets } from "@/db/schema";
import type { DomainContext } from "../../context";
import { createNamelessContact } from "../../contacts/create";
import { newId } from "../../ids";

interface NamelessFunding {
  passId: string;
  currency: string;
  amountMinor: number;
  /** Balances of the wallet's accounts after the credit (what the holder since spent, held …). */
  pocketMinor: number;
  openMinor: number;
  heldMinor: number;
  organisationId?: string;
}

/**
 * A gift pass redeemed in full by someone unknown, as D5 step 2 leaves it: the redemption, a
 * nameless contact and wallet, and the credit lot naming the redemption as its source. Written
 * directly so report tests do not depend on the wallet module's own rules.
 */
export async function fundNamelessWallet(ctx: DomainContext, funding: NamelessFunding) {
  const contact = await createNamelessContact(ctx);
  const redemptionId = newId();
  const walletId = newId();
  const pocketId = newId();
  await ctx.db.transaction(async (db) => {
    await db
      .update(passes)
      .set({ state: "REDEEMED", remainingValueMinor: 0, usesCount: 1, redeemedAt: new Date(), contactId: contact.id })
      .where(eq(passes.id, funding.passId));
    await db.insert(passRedemptions).values({
      id: redemptionId,
      passId: funding.passId,
      contactId: contact.id,
      amountMinor: funding.amountMinor,
      currency: funding.currency,
      organisationId: funding.organisationId ?? null,
      actorType: "system",
    });
    await db.insert(wallets).values({ id: walletId, contactId: contact.id, currency: funding.currency });
    await db.insert(ledgerAccounts).values([
      { id: pocketId, kind: "POCKET", currency: funding.currency, walletId, balanceMinor: funding.pocketMinor },
      { id: newId(), kind: "OPEN", currency: funding.currency, walletId, balanceMinor: funding.openMinor },
      { id: newId(), kind: "HELD", currency: funding.currency, walletId, balanceMinor: funding.heldMinor },
    ]);
    await db.insert(creditLots).values({
      id: newId(),
      walletId,
      accountId: pocketId,
      currency: funding.currency,
      amountMinor: funding.amountMinor,
      remainingMinor: funding.pocketMinor,
      sourceType: "PASS_REDEMPTION",
      sourceId: redemptionId,
    });
  });
  return { contact, redemptionId, walletId };
}
