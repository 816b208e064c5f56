import { eq, inArray } from "drizzle-orm";
import { commercePools, currencies, productFamilies, products, rewardOffers } from "@/db/schema";
import type { DomainContext } from "../context";
import { invalidField } from "../errors";
import type { PlanSettings } from "./validation";

type References = Pick<PlanSettings, "currency" | "commercePoolId" | "productSkus" | "productFamilyIds" | "linkedRewardOfferId">;

async function assertLiveCurrency(ctx: DomainContext, code: string) {
  const [currency] = await ctx.db.select({ archivedAt: currencies.archivedAt }).from(currencies).where(eq(currencies.code, code));
  if (!currency) throw invalidField("currency", `${code} is not a currency of the network.`);
  if (currency.archivedAt) throw invalidField("currency", `The currency ${code} is archived.`);
}

async function assertLivePool(ctx: DomainContext, id: string) {
  const [pool] = await ctx.db.select({ name: commercePools.name, archivedAt: commercePools.archivedAt }).from(commercePools).where(eq(commercePools.id, id));
  if (!pool) throw invalidField("commercePoolId", "Choose an existing commerce pool.");
  if (pool.archivedAt) throw invalidField("commercePoolId", `The commerce pool ${pool.name} is archived.`);
}

async function assertKnownSkus(ctx: DomainContext, skus: readonly string[]) {
  const found = await ctx.db.select({ sku: products.sku }).from(products).where(inArray(products.sku, [...skus]));
  const known = new Set(found.map((p) => p.sku));
  const unknown = skus.filter((sku) => !known.has(sku));
  if (unknown.length > 0) throw invalidField("productSkus", `Unknown SKU${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
}

async function assertLiveFamilies(ctx: DomainContext, ids: readonly string[]) {
  const found = await ctx.db
    .select({ id: productFamilies.id, name: productFamilies.name, archivedAt: productFamilies.archivedAt })
    .from(productFamilies)
    .where(inArray(productFamilies.id, [...ids]));
  if (found.length < new Set(ids).size) throw invalidField("productFamilyIds", "Choose existing product families.");
  const archived = found.find((f) => f.archivedAt);
  if (archived) throw invalidField("productFamilyIds", `The product family ${archived.name} is archived.`);
}

async function assertActiveOffer(ctx: DomainContext, id: string) {
  const [offer] = await ctx.db.select({ name: rewardOffers.name, active: rewardOffers.active }).from(rewardOffers).where(eq(rewardOffers.id, id));
  if (!offer) throw invalidField("linkedRewardOfferId", "Choose an existing reward offer.");
  if (!offer.active) throw invalidField("linkedRewardOfferId", `The reward offer ${offer.name} is inactive.`);
}

/** Refuses a plan that names a currency, pool, product, family or offer the network does not have (live). */
export async function assertReferencesExist(ctx: DomainContext, settings: References): Promise<void> {
  if (settings.currency) await assertLiveCurrency(ctx, settings.currency);
  if (settings.commercePoolId) await assertLivePool(ctx, settings.commercePoolId);
  if (settings.productSkus.length > 0) await assertKnownSkus(ctx, settings.productSkus);
  if (settings.productFamilyIds.length > 0) await assertLiveFamilies(ctx, settings.productFamilyIds);
  if (settings.linkedRewardOfferId) await assertActiveOffer(ctx, settings.linkedRewardOfferId);
}
