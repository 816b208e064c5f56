import { passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { newId } from "../ids";
import { validCustomFieldValues } from "./custom-field-values";
import { recordPlanChange, type PassPlan } from "./plan-row";
import { assertReferencesExist } from "./references";
import type { CreatePassPlanInput } from "./schemas";
import { settingsColumns } from "./settings";
import { assertUniversalCodeAllowed, setUniversalCode } from "./universal-code";
import { assertPlanSettings } from "./validation";

/** The acting user, remembered as the plan's author; API keys and the system leave it empty. */
export const authorOf = (ctx: DomainContext) => (ctx.actor.type === "user" ? ctx.actor.id : null);

/** A new DRAFT plan with every setting of D5; any invalid combination is refused naming its field. */
export function createPassPlan(ctx: DomainContext, input: CreatePassPlanInput): Promise<PassPlan> {
  return inTransaction(ctx, async (tx) => {
    const { name, description, universalCode, ...settings } = input;
    assertPlanSettings(settings, new Date());
    assertUniversalCodeAllowed(settings, universalCode);
    await assertReferencesExist(tx, settings);
    const customFields = await validCustomFieldValues(tx, settings.customFields);
    const [plan] = await tx.db
      .insert(passPlans)
      .values({ id: newId(), name, description: description ?? null, ...settingsColumns({ ...settings, customFields }), createdBy: authorOf(tx) })
      .returning();
    if (universalCode) await setUniversalCode(tx, plan!, universalCode);
    await recordPlanChange(tx, { action: "pass_plan.created", plan: plan! });
    return plan!;
  });
}
