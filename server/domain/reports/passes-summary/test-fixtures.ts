import { eq } from "drizzle-orm";
import { passes, passRedemptions } from "@/db/schema";
import { unique } from "@/test/db";
import { createContact, createNamelessContact } from "../../contacts/create";
import { uniqueEmail } from "../../contacts/test-fixtures";
import { inTransaction, type DomainContext } from "../../context";
import { newId } from "../../ids";
import { systemAccount } from "../../ledger/accounts";
import { newMerchant, uniqueCurrency } from "../../network/test-fixtures";
import { testPlan } from "../../passes/test-fixtures";
import { postEntry } from "../../ledger/post-entry";
import { consumeLots, creditPocket } from "../../wallet/credit-lots";
import { ensureWallet, heldAccount, openAccount, pocketAccount } from "../../wallet/wallets";

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
 * A gift pass redeemed in full by someone unknown, as D5 step 2 leaves it (the redemption, a
 * nameless contact, a wallet credited through a credit lot naming the redemption), after which
 * the holder moved some funds to open and held funds and spent the rest. Every cent moves
 * through journal entries, so the ledger stays verifiable while report tests run.
 */
export async function fundNamelessWallet(ctx: DomainContext, funding: NamelessFunding) {
  const contact = await createNamelessContact(ctx);
  const redemptionId = newId();
  const wallet = await inTransaction(ctx, async (tx) => {
    const [pass] = await tx.db
      .update(passes)
      .set({ state: "REDEEMED", remainingValueMinor: 0, usesCount: 1, redeemedAt: new Date(), contactId: contact.id })
      .where(eq(passes.id, funding.passId))
      .returning({ planId: passes.planId });
    await tx.db.insert(passRedemptions).values({
      id: redemptionId,
      passId: funding.passId,
      contactId: contact.id,
      amountMinor: funding.amountMinor,
      currency: funding.currency,
      organisationId: funding.organisationId ?? null,
      actorType: "system",
    });
    const wallet = await ensureWallet(tx, contact.id, funding.currency);
    const pocket = await pocketAccount(tx, wallet, null);
    await creditPocket(tx, {
      wallet,
      pocket,
      from: await systemAccount(tx, "PASS_LIABILITY", funding.currency, { passPlanId: pass!.planId }),
      amountMinor: funding.amountMinor,
      expiresAt: null,
      entry: { kind: "PASS_REDEMPTION", causeType: "pass_redemption", causeId: redemptionId },
    });
    const moves = [
      { account: await openAccount(tx, wallet), amountMinor: funding.openMinor },
      { account: await heldAccount(tx, wallet), amountMinor: funding.heldMinor },
      { account: await systemAccount(tx, "SETTLEMENT", funding.currency), amountMinor: funding.amountMinor - funding.pocketMinor - funding.openMinor - funding.heldMinor },
    ].filter((m) => m.amountMinor > 0);
    const taken = moves.reduce((sum, m) => sum + m.amountMinor, 0);
    if (taken > 0) {
      const { postings } = await consumeLots(tx, { pockets: [pocket], amountMinor: taken });
      await postEntry(tx, { kind: "SPEND", causeType: "test", postings: [...postings, ...moves] });
    }
    return wallet;
  });
  return { contact, redemptionId, walletId: wallet.id };
}

/**
 * What the report tests issue passes from: two currencies of their own (2 and 0 decimals), two
 * organisations to redeem at, a contact per currency (one wallet per contact), and a gift, a
 * multi-use gift (3 uses), a top-up and a promotion plan.
 */
export async function reportCatalogue(ctx: DomainContext, values: { multiValueMinor: number }) {
  const [eur, yen] = [await uniqueCurrency(ctx, 2), await uniqueCurrency(ctx, 0)];
  const here = await newMerchant(ctx, unique("Here "));
  const there = await newMerchant(ctx, unique("There "));
  const eurHolder = await createContact(ctx, { email: uniqueEmail() });
  const yenHolder = await createContact(ctx, { email: uniqueEmail() });
  const gift = await testPlan(ctx, { currency: eur.code, fixedValueMinor: 2500 });
  const multi = await testPlan(ctx, { currency: eur.code, fixedValueMinor: values.multiValueMinor, usage: "MULTIPLE", maxUses: 3 });
  const topUp = await testPlan(ctx, { type: "TOP_UP", currency: yen.code, fixedValueMinor: 500 });
  const promotion = await testPlan(ctx, { type: "PROMOTION" });
  return { eur, yen, here, there, eurHolder, yenHolder, gift, multi, topUp, promotion };
}
