import { passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { newId } from "../ids";
import { authorOf } from "./create";
import { findPlan, recordPlanChange, type PassPlan } from "./plan-row";
import type { PassPlanIdInput } from "./schemas";
import { settingsColumns, settingsOf } from "./settings";

const maxNameLength = 200;

/**
 * A new DRAFT plan with the source's settings, named "Copy of …". Not re-validated: a copied date
 * may have passed, which the draft's edit or activation refuses. A universal code is never
 * copied, since codes are unique across the business.
 */
export function copyPassPlan(ctx: DomainContext, input: PassPlanIdInput): Promise<PassPlan> {
  return inTransaction(ctx, async (tx) => {
    const source = await findPlan(tx, input.id);
    const [copy] = await tx.db
      .insert(passPlans)
      .values({
        id: newId(),
        name: `Copy of ${source.name}`.slice(0, maxNameLength),
        description: source.description,
        ...settingsColumns(settingsOf(source)),
        copiedFromId: source.id,
        createdBy: authorOf(tx),
      })
      .returning();
    await recordPlanChange(tx, { action: "pass_plan.copied", plan: copy!, payload: { copiedFromId: source.id } });
    return copy!;
  });
}
