import type { DomainContext } from "../../context";
import { passSnapshot, type PassView } from "../actions/pass-row";
import type { CheckRedemptionInput } from "./schemas";
import { unlocksOf, type Unlocks } from "./unlocks";
import { verifyRedemption } from "./verify";

export interface RedemptionCheck {
  pass: PassView & { planName: string; type: "GIFT" | "TOP_UP" | "PROMOTION" };
  unlocks: Unlocks;
}

/**
 * Whether the pass would redeem now, and what it would unlock, without using it: the same
 * checks, failure counting and lock-out as a redemption (D5).
 */
export async function checkRedemption(ctx: DomainContext, input: CheckRedemptionInput): Promise<RedemptionCheck> {
  const { pass, plan } = await verifyRedemption(ctx, input);
  return { pass: { ...passSnapshot(pass), planName: plan.name, type: plan.type }, unlocks: unlocksOf(pass, plan) };
}
