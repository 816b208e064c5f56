import { format } from "date-fns";
import type { BadgeTone } from "@/components/ui/badge";
import { formatMoney } from "@/server/domain/money";
import type { PassPlanState, PassType } from "@/server/domain/pass-plans/kinds";

export const typeLabels: Record<PassType, string> = { GIFT: "Gift", TOP_UP: "Top-up", PROMOTION: "Promotion" };
export const distributionLabels = { PRINTED: "Printed", ELECTRONIC: "Electronic" } as const;
export const stateLabels: Record<PassPlanState, string> = { DRAFT: "Draft", ACTIVE: "Active", INACTIVE: "Inactive" };
export const stateTones: Record<PassPlanState, BadgeTone> = { DRAFT: "neutral", ACTIVE: "success", INACTIVE: "warning" };
export const unitLabels = { DAY: "days", MONTH: "months" } as const;

interface PlanValue {
  type: PassType;
  currency: string | null;
  currencyMinorUnits: number | null;
  valueMode: "FIXED" | "VARIABLE" | null;
  fixedValueMinor: number | null;
  minValueMinor: number | null;
  maxValueMinor: number | null;
}

/** "€25.00", "€10.00–€100.00", or "—" for promotion plans. */
export function planValueLabel(plan: PlanValue): string {
  if (plan.type === "PROMOTION" || !plan.currency) return "—";
  const money = (minor: number | null) => (minor === null ? "?" : formatMoney({ amountMinor: minor, currency: plan.currency! }, plan.currencyMinorUnits ?? 2));
  return plan.valueMode === "FIXED" ? money(plan.fixedValueMinor) : `${money(plan.minValueMinor)}–${money(plan.maxValueMinor)}`;
}

export const dateLabel = (date: Date | null) => (date ? format(date, "d MMM yyyy") : "—");
