import { eq } from "drizzle-orm";
import { passPlans } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { validCustomFieldValues } from "./custom-field-values";
import { changedKeys } from "./changes";
import { alwaysEditableFields } from "./kinds";
import { isPlanLocked, planLocked } from "./lock";
import { lockPlan, recordPlanChange, type PassPlan } from "./plan-row";
import { assertReferencesExist } from "./references";
import type { UpdatePassPlanInput } from "./schemas";
import { settingsColumns, settingsOf } from "./settings";
import { assertUniversalCodeAllowed, dropUniversalCode, hasUniversalCode, revalidateUniversalCode, setUniversalCode } from "./universal-code";
import { assertPlanSettings, type PlanSettings } from "./validation";

const isAlwaysEditable = (key: string) => (alwaysEditableFields as readonly string[]).includes(key);

/** Only the references that change are checked, so an archived currency does not block a rename. */
const changedReferences = (merged: PlanSettings, changed: readonly string[]) => ({
  currency: changed.includes("currency") ? merged.currency : null,
  commercePoolId: changed.includes("commercePoolId") ? merged.commercePoolId : null,
  productSkus: changed.includes("productSkus") ? merged.productSkus : [],
  productFamilyIds: changed.includes("productFamilyIds") ? merged.productFamilyIds : [],
  linkedRewardOfferId: changed.includes("linkedRewardOfferId") ? merged.linkedRewardOfferId : null,
});

/**
 * Changes the given settings (missing ones stay). The merged settings must form a valid plan; a
 * locked plan (with passes) changes only its name and description, refusing any other field by name.
 */
export function updatePassPlan(ctx: DomainContext, input: UpdatePassPlanInput): Promise<PassPlan> {
  return inTransaction(ctx, async (tx) => {
    const { id, universalCode, ...fields } = input;
    const before = await lockPlan(tx, id);
    const changed = changedKeys(before, fields).map(String);
    const settingsChanged = changed.filter((key) => !isAlwaysEditable(key));
    if ((settingsChanged.length > 0 || universalCode) && (await isPlanLocked(tx, before))) {
      throw planLocked(settingsChanged[0] ?? "universalCode");
    }
    if (changed.length === 0 && !universalCode) return before;

    const merged: PlanSettings = { ...settingsOf(before) };
    for (const key of settingsChanged) Object.assign(merged, { [key]: fields[key as keyof typeof fields] });
    if (settingsChanged.length > 0) {
      assertPlanSettings(merged, new Date());
      await assertReferencesExist(tx, changedReferences(merged, settingsChanged));
    }
    assertUniversalCodeAllowed(merged, universalCode);
    if (changed.includes("customFields")) merged.customFields = await validCustomFieldValues(tx, merged.customFields);

    const [after] = await tx.db
      .update(passPlans)
      .set({
        name: fields.name ?? before.name,
        description: fields.description === undefined ? before.description : fields.description,
        ...settingsColumns(merged),
      })
      .where(eq(passPlans.id, id))
      .returning();
    if (!hasUniversalCode(after!)) {
      if (hasUniversalCode(before)) await dropUniversalCode(tx, id);
    } else if (universalCode) {
      await setUniversalCode(tx, after!, universalCode);
    } else if (changed.includes("passcodeFormat")) {
      await revalidateUniversalCode(tx, after!);
    }
    await recordPlanChange(tx, { action: "pass_plan.updated", plan: after!, before, payload: { changed } });
    return after!;
  });
}
