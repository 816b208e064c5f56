import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { commercePoolFamilies, commercePoolOrganisations, ledgerAccounts } from "@/db/schema";
import type { DomainContext } from "../context";
import { accountRef, type AccountRef } from "../ledger/accounts";
import type { BasketLine } from "./allocate";

export interface PurchasePlace {
  organisationId?: string | null;
  basket?: readonly BasketLine[];
}

/**
 * The wallet's pockets a purchase may draw on (D6): the business pocket, and each pool's pocket
 * whose pool contains the purchase's organisation or one of its basket's product families. With
 * neither an organisation nor a basket, every pocket (the caller vouches for the place).
 */
export async function eligiblePockets(ctx: DomainContext, walletId: string, place: PurchasePlace = {}): Promise<AccountRef[]> {
  const families = [...new Set((place.basket ?? []).map((l) => l.familyId).filter((f): f is string => !!f))];
  const anyPlace = !place.organisationId && !place.basket;
  const poolMatches = [
    place.organisationId
      ? inArray(
          ledgerAccounts.commercePoolId,
          ctx.db.select({ id: commercePoolOrganisations.poolId }).from(commercePoolOrganisations).where(eq(commercePoolOrganisations.organisationId, place.organisationId)),
        )
      : undefined,
    families.length > 0
      ? inArray(
          ledgerAccounts.commercePoolId,
          ctx.db.select({ id: commercePoolFamilies.poolId }).from(commercePoolFamilies).where(inArray(commercePoolFamilies.familyId, families)),
        )
      : undefined,
  ].filter((c) => c !== undefined);
  const rows = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.walletId, walletId),
        eq(ledgerAccounts.kind, "POCKET"),
        anyPlace ? undefined : or(isNull(ledgerAccounts.commercePoolId), ...poolMatches),
      ),
    )
    .orderBy(sql`${ledgerAccounts.commercePoolId} nulls first`, ledgerAccounts.id);
  return rows.map(accountRef);
}
