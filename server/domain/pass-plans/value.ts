import { invalidField } from "../errors";
import type { PassPlan } from "./plan-row";

/**
 * The value of a new pass of the plan (D5): a fixed plan's value (a requested one must equal
 * it), or the requested value inside a variable plan's range. Promotion passes have none.
 */
export function passValueFor(
  plan: Pick<PassPlan, "type" | "valueMode" | "fixedValueMinor" | "minValueMinor" | "maxValueMinor">,
  requestedMinor: number | null | undefined,
  field = "valueMinor",
): number | null {
  if (plan.type === "PROMOTION") {
    if (requestedMinor != null) throw invalidField(field, "Promotion passes carry no value.");
    return null;
  }
  if (plan.valueMode === "FIXED") {
    if (requestedMinor != null && requestedMinor !== plan.fixedValueMinor) throw invalidField(field, "The plan's passes have a fixed value.");
    return plan.fixedValueMinor;
  }
  if (requestedMinor == null) throw invalidField(field, "Enter the value of the pass.");
  if (requestedMinor < plan.minValueMinor! || requestedMinor > plan.maxValueMinor!) {
    throw invalidField(field, "The value is outside the plan's range.");
  }
  return requestedMinor;
}
