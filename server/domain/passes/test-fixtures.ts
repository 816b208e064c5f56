import { lots, passes, passPlans, rewardOffers } from "@/db/schema";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { generateCode } from "./codes/generate";
import { newPassRow, type NewPassOptions } from "./issue/new-pass-row";

type Plan = typeof passPlans.$inferSelect;
type PlanRow = typeof passPlans.$inferInsert;
export type TestPass = typeof passes.$inferSelect;

/**
 * An ACTIVE electronic single-use gift plan of 25.00 EUR unless overridden. Rows are written
 * directly so pass tests do not depend on plan creation rules tested elsewhere.
 */
export async function testPlan(ctx: DomainContext, overrides: Partial<PlanRow> = {}): Promise<Plan> {
  const isPromotion = overrides.type === "PROMOTION";
  const linkedRewardOfferId = isPromotion ? await testRewardOffer(ctx) : null;
  const [plan] = await ctx.db
    .insert(passPlans)
    .values({
      id: newId(),
      name: `plan ${newId().slice(-8)}`,
      type: "GIFT",
      distribution: "ELECTRONIC",
      state: "ACTIVE",
      currency: isPromotion ? null : "EUR",
      valueMode: isPromotion ? null : "FIXED",
      fixedValueMinor: isPromotion ? null : 2500,
      valueValidityKind: isPromotion ? null : "NEVER",
      passcodeFormat: { charset: "ALPHANUMERIC", length: 12, prefix: "", suffix: "", checkCharacter: true },
      maxPasses: 100_000,
      linkedRewardOfferId,
      ...overrides,
    })
    .returning();
  return plan!;
}

async function testRewardOffer(ctx: DomainContext): Promise<string> {
  const [offer] = await ctx.db.insert(rewardOffers).values({ id: newId(), name: "test offer" }).returning({ id: rewardOffers.id });
  return offer!.id;
}

export interface TestPassOptions extends Partial<NewPassOptions> {
  expiresAt?: Date | null;
  pinHash?: string | null;
}

/** A pass of the plan and its plain code (ACTIVE, with the plan's fixed value, unless told). */
export async function testPass(ctx: DomainContext, plan: Plan, options: TestPassOptions = {}): Promise<{ pass: TestPass; code: string }> {
  const [lot] = await ctx.db
    .insert(lots)
    .values({ id: newId(), planId: plan.id, number: 1 + Math.floor(Math.random() * 1e9), kind: "ON_DEMAND" })
    .returning({ id: lots.id });
  const code = generateCode(plan.passcodeFormat);
  const row = newPassRow(plan, lot!, code, {
    state: "ACTIVE",
    issuedAt: new Date(),
    valueMinor: plan.fixedValueMinor,
    ...options,
  });
  const [pass] = await ctx.db
    .insert(passes)
    .values({
      ...row,
      ...(options.expiresAt !== undefined ? { expiresAt: options.expiresAt } : {}),
      pinHash: options.pinHash ?? null,
    })
    .returning();
  return { pass: pass!, code };
}
