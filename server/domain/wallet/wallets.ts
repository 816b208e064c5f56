import { and, eq, isNull } from "drizzle-orm";
import { ledgerAccounts, wallets } from "@/db/schema";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { accountRef, type AccountRef } from "../ledger/accounts";

export type Wallet = typeof wallets.$inferSelect;

export async function findWallet(ctx: DomainContext, contactId: string, currency: string): Promise<Wallet | undefined> {
  const [wallet] = await ctx.db
    .select()
    .from(wallets)
    .where(and(eq(wallets.contactId, contactId), eq(wallets.currency, currency)));
  return wallet;
}

/**
 * The contact's wallet in a currency, created with its business pocket, open and held accounts
 * on first use. Parallel first credits converge on one wallet (unique contact + currency).
 */
export async function ensureWallet(ctx: DomainContext, contactId: string, currency: string): Promise<Wallet> {
  const existing = await findWallet(ctx, contactId, currency);
  if (existing) return existing;
  const [created] = await ctx.db.insert(wallets).values({ id: newId(), contactId, currency }).onConflictDoNothing().returning();
  if (!created) return (await findWallet(ctx, contactId, currency))!;
  await ctx.db.insert(ledgerAccounts).values(
    (["POCKET", "OPEN", "HELD"] as const).map((kind) => ({ id: newId(), kind, currency, walletId: created.id })),
  );
  return created;
}

async function walletAccount(ctx: DomainContext, wallet: Pick<Wallet, "id">, kind: "POCKET" | "OPEN" | "HELD", commercePoolId: string | null) {
  const [row] = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.walletId, wallet.id),
        eq(ledgerAccounts.kind, kind),
        commercePoolId ? eq(ledgerAccounts.commercePoolId, commercePoolId) : isNull(ledgerAccounts.commercePoolId),
      ),
    );
  return row && accountRef(row);
}

/** A commerce pocket of the wallet (D3): the pool's, created on first use, or the business pocket. */
export async function pocketAccount(ctx: DomainContext, wallet: Wallet, commercePoolId: string | null): Promise<AccountRef> {
  const existing = await walletAccount(ctx, wallet, "POCKET", commercePoolId);
  if (existing) return existing;
  await ctx.db
    .insert(ledgerAccounts)
    .values({ id: newId(), kind: "POCKET", currency: wallet.currency, walletId: wallet.id, commercePoolId })
    .onConflictDoNothing();
  return (await walletAccount(ctx, wallet, "POCKET", commercePoolId))!;
}

export async function openAccount(ctx: DomainContext, wallet: Pick<Wallet, "id">): Promise<AccountRef> {
  return (await walletAccount(ctx, wallet, "OPEN", null))!;
}

export async function heldAccount(ctx: DomainContext, wallet: Pick<Wallet, "id">): Promise<AccountRef> {
  return (await walletAccount(ctx, wallet, "HELD", null))!;
}

/** Every account of the wallet, pockets first. */
export async function walletAccounts(ctx: DomainContext, walletId: string) {
  return ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.walletId, walletId)).orderBy(ledgerAccounts.kind, ledgerAccounts.id);
}
