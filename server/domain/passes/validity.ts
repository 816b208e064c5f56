import { addDays, addMonths } from "date-fns";
import type { passPlans } from "@/db/schema";

type Plan = typeof passPlans.$inferSelect;
type DurationUnit = NonNullable<Plan["passValidityUnit"]>;

export function addDuration(from: Date, count: number, unit: DurationUnit): Date {
  return unit === "MONTH" ? addMonths(from, count) : addDays(from, count);
}

/** A new pass's expiry under its plan's pass validity (D5); null: it never expires. */
export function passExpiryFor(plan: Pick<Plan, "passValidityKind" | "passValidUntil" | "passValidityCount" | "passValidityUnit">, issuedAt: Date): Date | null {
  switch (plan.passValidityKind) {
    case "NONE":
      return null;
    case "DATE":
      return plan.passValidUntil;
    case "DURATION":
      return addDuration(issuedAt, plan.passValidityCount ?? 0, plan.passValidityUnit ?? "DAY");
  }
}
