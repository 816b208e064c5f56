import { invalidField } from "../errors";
import { assertCodeSpace } from "../passes/codes/format";
import type { CreatePassPlanInput } from "./schemas";

/** Every setting of a plan as stored; optional ones may be null (or undefined, the same: none). */
export type PlanSettings = Omit<CreatePassPlanInput, "name" | "description" | "universalCode">;

const isSet = (value: unknown) => value !== null && value !== undefined;

/** Refuses the first of the fields that is set, with the message. */
function refuseAnySet(settings: PlanSettings, fields: readonly (keyof PlanSettings)[], message: string) {
  for (const field of fields) if (isSet(settings[field])) throw invalidField(field, message);
}

function requireSet(settings: PlanSettings, field: keyof PlanSettings, message: string) {
  if (!isSet(settings[field])) throw invalidField(field, message);
}

function requireFuture(date: Date | null | undefined, field: keyof PlanSettings, now: Date) {
  if (!date) throw invalidField(field, "Enter the date.");
  if (date.getTime() <= now.getTime()) throw invalidField(field, "The date is in the past: choose a later one.");
}

function checkPromotion(s: PlanSettings) {
  if (s.distribution === "PRINTED") throw invalidField("distribution", "Promotion passes are electronic only.");
  refuseAnySet(s, ["currency", "commercePoolId"], "Promotion passes carry no money: leave this empty.");
  refuseAnySet(s, ["valueMode", "fixedValueMinor", "minValueMinor", "maxValueMinor"], "Promotion passes carry no value.");
  refuseAnySet(s, ["valueValidityKind", "valueValidUntil", "valueValidityCount", "valueValidityUnit"], "Promotion passes credit no funds, so they have no value validity.");
  if (s.productSkus.length > 0) throw invalidField("productSkus", "Product conditions apply to gift and top-up value only.");
  if (s.productFamilyIds.length > 0) throw invalidField("productFamilyIds", "Product conditions apply to gift and top-up value only.");
  if (s.pinRequired) throw invalidField("pinRequired", "A PIN protects gift and top-up passes only.");
  if (s.passValidityKind === "DURATION") throw invalidField("passValidityKind", "Promotion passes are valid until a date, or without end.");
  requireSet(s, "promotionCodeMode", "Choose a single universal code or a unique code per pass.");
  if (s.promotionCodeMode === "SINGLE" && s.maxPasses !== 1) {
    throw invalidField("maxPasses", "A single-code promotion plan has exactly one pass, its universal code: set 1.");
  }
}

function checkValue(s: PlanSettings, now: Date) {
  requireSet(s, "currency", "Choose the currency of the passes.");
  refuseAnySet(s, ["promotionCodeMode"], "Only promotion plans choose between a single code and unique codes.");
  refuseAnySet(s, ["linkedRewardOfferId"], "Only promotion plans unlock a reward offer.");
  requireSet(s, "valueMode", "Choose a fixed or a variable value.");
  if (s.valueMode === "FIXED") {
    requireSet(s, "fixedValueMinor", "Enter the value of the passes.");
    refuseAnySet(s, ["minValueMinor", "maxValueMinor"], "A fixed-value plan has no range.");
  } else {
    refuseAnySet(s, ["fixedValueMinor"], "A variable-value plan has a range, not a fixed value.");
    requireSet(s, "minValueMinor", "Enter the smallest value.");
    requireSet(s, "maxValueMinor", "Enter the largest value.");
    if (s.minValueMinor! > s.maxValueMinor!) throw invalidField("minValueMinor", "The minimum is more than the maximum.");
  }
  requireSet(s, "valueValidityKind", "Choose how long credited funds last.");
  if (s.valueValidityKind === "NEVER") {
    refuseAnySet(s, ["valueValidUntil", "valueValidityCount", "valueValidityUnit"], "Funds that never expire have no end.");
  } else if (s.valueValidityKind === "PERIOD") {
    refuseAnySet(s, ["valueValidUntil"], "A period of validity has no fixed date.");
    requireSet(s, "valueValidityCount", "Enter how long credited funds last.");
    requireSet(s, "valueValidityUnit", "Choose days or months.");
  } else {
    refuseAnySet(s, ["valueValidityCount", "valueValidityUnit"], "Funds valid until a date have no period.");
    requireFuture(s.valueValidUntil, "valueValidUntil", now);
  }
}

function checkPassValidity(s: PlanSettings, now: Date) {
  if (s.passValidityKind === "NONE") {
    refuseAnySet(s, ["passValidUntil", "passValidityCount", "passValidityUnit"], "Passes without validity have no end.");
  } else if (s.passValidityKind === "DATE") {
    refuseAnySet(s, ["passValidityCount", "passValidityUnit"], "Passes valid until a date have no duration.");
    requireFuture(s.passValidUntil, "passValidUntil", now);
  } else {
    refuseAnySet(s, ["passValidUntil"], "Passes valid for a duration have no fixed date.");
    requireSet(s, "passValidityCount", "Enter how long a pass stays valid after issue.");
    requireSet(s, "passValidityUnit", "Choose days or months.");
  }
}

function checkUsage(s: PlanSettings) {
  if (s.usage === "SINGLE") {
    refuseAnySet(s, ["maxUses"], "A single-use pass has one use.");
  } else if (!isSet(s.maxUses) || s.maxUses! < 2) {
    throw invalidField("maxUses", "Enter how many times a pass may be used (at least 2).");
  }
}

function checkDistribution(s: PlanSettings) {
  if (s.distribution === "PRINTED") {
    requireSet(s, "quantity", "Enter how many passes to print in the first lot.");
    if (s.maxPasses < s.quantity!) {
      throw invalidField("maxPasses", `The plan may issue at most ${s.maxPasses.toLocaleString("en")} passes, fewer than the quantity of ${s.quantity!.toLocaleString("en")}.`);
    }
    refuseAnySet(s, ["communicationTemplate"], "Printed passes are not sent, so they have no communication template.");
    return;
  }
  refuseAnySet(s, ["quantity"], "Electronic passes are issued on request: no quantity.");
  if (s.printingWebhookEnabled) throw invalidField("printingWebhookEnabled", "Only printed plans notify a printing house.");
  // A universal promotion code is published by the business, not sent pass by pass.
  if (s.type === "PROMOTION" && s.promotionCodeMode === "SINGLE") return;
  const template = s.communicationTemplate;
  if (!template || template.channels.length === 0) {
    throw invalidField("communicationTemplate.channels", "Choose how passes are sent: email, SMS or both.");
  }
  if (template.channels.includes("EMAIL")) {
    if (!template.emailSubject) throw invalidField("communicationTemplate.emailSubject", "Enter the email subject.");
    if (!template.emailBody) throw invalidField("communicationTemplate.emailBody", "Enter the email text.");
  }
  if (template.channels.includes("SMS") && !template.smsBody) {
    throw invalidField("communicationTemplate.smsBody", "Enter the SMS text.");
  }
}

/**
 * Refuses the first invalid combination of settings (D5), naming its field, then a passcode
 * format too small for the plan (CODE_SPACE_TOO_SMALL on passcodeFormat.length).
 * Pure: references to other entities are checked by references.ts.
 */
export function assertPlanSettings(settings: PlanSettings, now: Date): void {
  if (settings.type === "PROMOTION") checkPromotion(settings);
  else checkValue(settings, now);
  checkPassValidity(settings, now);
  checkUsage(settings);
  checkDistribution(settings);
  assertCodeSpace(settings.passcodeFormat, settings.maxPasses);
}
