import type { passPlans } from "@/db/schema";
import type { PassPlan } from "./plan-row";
import type { PlanSettings } from "./validation";

/** The columns a plan's settings are stored in: every optional setting left out becomes null. */
export function settingsColumns(s: PlanSettings) {
  return {
    type: s.type,
    distribution: s.distribution,
    currency: s.currency ?? null,
    commercePoolId: s.commercePoolId ?? null,
    valueMode: s.valueMode ?? null,
    fixedValueMinor: s.fixedValueMinor ?? null,
    minValueMinor: s.minValueMinor ?? null,
    maxValueMinor: s.maxValueMinor ?? null,
    passValidityKind: s.passValidityKind,
    passValidUntil: s.passValidUntil ?? null,
    passValidityCount: s.passValidityCount ?? null,
    passValidityUnit: s.passValidityUnit ?? null,
    valueValidityKind: s.valueValidityKind ?? null,
    valueValidUntil: s.valueValidUntil ?? null,
    valueValidityCount: s.valueValidityCount ?? null,
    valueValidityUnit: s.valueValidityUnit ?? null,
    usage: s.usage,
    maxUses: s.maxUses ?? null,
    productSkus: s.productSkus,
    productFamilyIds: s.productFamilyIds,
    pinRequired: s.pinRequired,
    otpRequired: s.otpRequired,
    passcodeFormat: s.passcodeFormat,
    promotionCodeMode: s.promotionCodeMode ?? null,
    maxPasses: s.maxPasses,
    quantity: s.quantity ?? null,
    printingWebhookEnabled: s.printingWebhookEnabled,
    communicationTemplate: s.communicationTemplate ?? null,
    linkedRewardOfferId: s.linkedRewardOfferId ?? null,
    customFields: s.customFields,
  } satisfies Partial<typeof passPlans.$inferInsert>;
}

export type SettingKey = keyof ReturnType<typeof settingsColumns>;

/** The settings of a stored plan, in the shape the validation reads. */
export function settingsOf(plan: PassPlan): PlanSettings {
  const { id: _id, name: _name, description: _description, state: _state, issuedCount: _issued, copiedFromId: _copied, createdBy: _by, createdAt: _c, updatedAt: _u, ...settings } = plan;
  return settings;
}
