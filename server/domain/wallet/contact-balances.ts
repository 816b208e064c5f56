import { eq } from "drizzle-orm";
import { contacts, wallets } from "@/db/schema";
import type { DomainContext } from "../context";
import { notFound } from "../errors";
import { walletBalances, type WalletBalances } from "./balances";

/** Every wallet of a contact with its balances, one per currency (D3); none yet is an empty list. */
export async function contactWalletBalances(ctx: DomainContext, input: { contactId: string }): Promise<WalletBalances[]> {
  const [contact] = await ctx.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, input.contactId));
  if (!contact) throw notFound("Contact");
  const rows = await ctx.db.select({ id: wallets.id }).from(wallets).where(eq(wallets.contactId, input.contactId)).orderBy(wallets.currency);
  return Promise.all(rows.map((w) => walletBalances(ctx, w.id)));
}
