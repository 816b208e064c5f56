import type { Pass, PassPlanRow } from "../actions/pass-row";

/** What redeeming a pass gives: value for the wallet (gift/top-up) or a reward offer (promotion). */
export type Unlocks =
  | { kind: "VALUE"; amountMinor: number; currency: string }
  | { kind: "REWARD_OFFER"; rewardOfferId: string | null };

export function unlocksOf(pass: Pass, plan: PassPlanRow, amountMinor: number | null = pass.remainingValueMinor): Unlocks {
  if (plan.type === "PROMOTION") return { kind: "REWARD_OFFER", rewardOfferId: plan.linkedRewardOfferId };
  return { kind: "VALUE", amountMinor: amountMinor ?? 0, currency: pass.currency ?? plan.currency ?? "" };
}
