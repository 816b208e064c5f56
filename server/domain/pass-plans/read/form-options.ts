import { and, asc, eq, isNull } from "drizzle-orm";
import { commercePools, currencies, customFieldDefinitions, productFamilies, rewardOffers } from "@/db/schema";
import type { DomainContext } from "../../context";

/** What a plan form offers to choose from: the live network entities a plan may name. */
export async function passPlanFormOptions(ctx: DomainContext) {
  const [currencyRows, pools, families, offers, customFields] = await Promise.all([
    ctx.db
      .select({ code: currencies.code, name: currencies.name, minorUnits: currencies.minorUnits })
      .from(currencies)
      .where(isNull(currencies.archivedAt))
      .orderBy(asc(currencies.code)),
    ctx.db.select({ id: commercePools.id, name: commercePools.name }).from(commercePools).where(isNull(commercePools.archivedAt)).orderBy(asc(commercePools.name)),
    ctx.db.select({ id: productFamilies.id, name: productFamilies.name }).from(productFamilies).where(isNull(productFamilies.archivedAt)).orderBy(asc(productFamilies.name)),
    ctx.db.select({ id: rewardOffers.id, name: rewardOffers.name }).from(rewardOffers).where(eq(rewardOffers.active, true)).orderBy(asc(rewardOffers.name)),
    ctx.db
      .select({
        key: customFieldDefinitions.key,
        label: customFieldDefinitions.label,
        type: customFieldDefinitions.type,
        options: customFieldDefinitions.options,
        required: customFieldDefinitions.required,
      })
      .from(customFieldDefinitions)
      .where(and(eq(customFieldDefinitions.entity, "pass_plan"), isNull(customFieldDefinitions.archivedAt)))
      .orderBy(asc(customFieldDefinitions.label)),
  ]);
  return { currencies: currencyRows, commercePools: pools, productFamilies: families, rewardOffers: offers, customFields };
}
export type PassPlanFormOptions = Awaited<ReturnType<typeof passPlanFormOptions>>;
