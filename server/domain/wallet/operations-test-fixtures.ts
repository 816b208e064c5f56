import { createContact } from "../contacts/create";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { systemAccount } from "../ledger/accounts";
import { creditPocket } from "./credit-lots";
import { ensureWallet, pocketAccount, type Wallet } from "./wallets";

/** A registered contact with an (empty) wallet in the currency. (No vitest import: the spend bench uses these too.) */
export async function contactWithWallet(ctx: DomainContext, currency = "EUR") {
  const contact = await createContact(ctx, { email: `wallet-${newId()}@example.test` });
  const wallet = await ensureWallet(ctx, contact.id, currency);
  return { contactId: contact.id, wallet };
}

export interface TestLot {
  poolId?: string | null;
  expiresAt?: Date | null;
  productSkus?: string[];
  productFamilyIds?: string[];
}

/** Credits a pocket of the wallet with a credit lot funded by ADJUSTMENTS, as a redemption would. */
export async function fund(ctx: DomainContext, wallet: Wallet, amountMinor: number, lot: TestLot = {}) {
  return creditPocket(ctx, {
    wallet,
    pocket: await pocketAccount(ctx, wallet, lot.poolId ?? null),
    from: await systemAccount(ctx, "ADJUSTMENTS", wallet.currency),
    amountMinor,
    expiresAt: lot.expiresAt ?? null,
    productSkus: lot.productSkus,
    productFamilyIds: lot.productFamilyIds,
    entry: { kind: "ADJUSTMENT", causeType: "test_funding", causeId: null },
  });
}
