import { eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { commercePoolOrganisations, commercePools, creditLots, organisations } from "@/db/schema";
import { unique } from "@/test/db";
import { createNamelessContact } from "../contacts/create";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { systemAccount, systemBalanceSql } from "../ledger/accounts";
import { postEntry } from "../ledger/post-entry";
import { creditPocket, type LotTerms } from "./credit-lots";
import { ensureWallet, openAccount, pocketAccount, type Wallet } from "./wallets";

/** A new contact with an empty wallet in the currency. */
export async function emptyWallet(ctx: DomainContext, currency = "EUR"): Promise<Wallet> {
  const contact = await createNamelessContact(ctx);
  return ensureWallet(ctx, contact.id, currency);
}

/** Credits a pocket (the business pocket unless a pool is named) with a lot funded by ADJUSTMENTS; returns the lot id. */
export async function fundLot(
  ctx: DomainContext,
  wallet: Wallet,
  amountMinor: number,
  terms: Partial<LotTerms> & { commercePoolId?: string | null } = {},
): Promise<string> {
  const credited = await creditPocket(ctx, {
    wallet,
    pocket: await pocketAccount(ctx, wallet, terms.commercePoolId ?? null),
    from: await systemAccount(ctx, "ADJUSTMENTS", wallet.currency),
    amountMinor,
    expiresAt: terms.expiresAt ?? null,
    productSkus: terms.productSkus,
    productFamilyIds: terms.productFamilyIds,
    entry: { kind: "ADJUSTMENT", causeType: "test", causeId: null },
  });
  return credited.creditLotId;
}

/** Credits the wallet's open funds directly (as a redeem would have). */
export async function fundOpen(ctx: DomainContext, wallet: Wallet, amountMinor: number): Promise<void> {
  await postEntry(ctx, {
    kind: "ADJUSTMENT",
    causeType: "test",
    postings: [
      { account: await systemAccount(ctx, "ADJUSTMENTS", wallet.currency), amountMinor: -amountMinor },
      { account: await openAccount(ctx, wallet), amountMinor },
    ],
  });
}

/** Remaining amount of each of the wallet's lots, by lot id. */
export async function lotRemaining(ctx: DomainContext, walletId: string): Promise<Map<string, number>> {
  const rows = await ctx.db.select({ id: creditLots.id, remainingMinor: creditLots.remainingMinor }).from(creditLots).where(eq(creditLots.walletId, walletId));
  return new Map(rows.map((r) => [r.id, r.remainingMinor]));
}

/** A system account's balance: the sum of its shards. */
export async function systemBalance(ctx: DomainContext, kind: "SETTLEMENT" | "BREAKAGE" | "ADJUSTMENTS", currency = "EUR"): Promise<number> {
  const account = await systemAccount(ctx, kind, currency);
  const [row] = rowsOf<{ total: string | number }>(await ctx.db.execute(sql`select ${systemBalanceSql(account.id)} as total`));
  return Number(row?.total ?? 0);
}

/** An organisation in a new commerce pool; returns both ids. */
export async function poolWithOrganisation(ctx: DomainContext): Promise<{ poolId: string; organisationId: string }> {
  const poolId = newId();
  const organisationId = newId();
  await ctx.db.insert(organisations).values({ id: organisationId, kind: "merchant", name: unique("merchant") });
  await ctx.db.insert(commercePools).values({ id: poolId, name: unique("pool") });
  await ctx.db.insert(commercePoolOrganisations).values({ poolId, organisationId });
  return { poolId, organisationId };
}
