import { addDays } from "date-fns";
import { createPassPlanSchema, type CreatePassPlanFormValues, type CreatePassPlanInput } from "./schemas";

/** Test-only: valid plan inputs of each kind, with overrides. */
export const inDays = (days: number) => addDays(new Date(), days);

const numeric12 = { charset: "NUMERIC", length: 12 } as const;

export const printedGiftInput = (currency: string, overrides: Partial<CreatePassPlanFormValues> = {}): CreatePassPlanInput =>
  createPassPlanSchema.parse({
    name: "Printed gift",
    type: "GIFT",
    distribution: "PRINTED",
    currency,
    valueMode: "FIXED",
    fixedValueMinor: 2500,
    valueValidityKind: "NEVER",
    passcodeFormat: numeric12,
    quantity: 1000,
    maxPasses: 1000,
    ...overrides,
  });

export const electronicTopUpInput = (currency: string, overrides: Partial<CreatePassPlanFormValues> = {}): CreatePassPlanInput =>
  createPassPlanSchema.parse({
    name: "eTop-up",
    type: "TOP_UP",
    distribution: "ELECTRONIC",
    currency,
    valueMode: "VARIABLE",
    minValueMinor: 1000,
    maxValueMinor: 10000,
    valueValidityKind: "PERIOD",
    valueValidityCount: 12,
    valueValidityUnit: "MONTH",
    passValidityKind: "DURATION",
    passValidityCount: 90,
    passValidityUnit: "DAY",
    passcodeFormat: { charset: "ALPHANUMERIC", length: 10, checkCharacter: true },
    maxPasses: 10000,
    communicationTemplate: { channels: ["EMAIL", "SMS"], emailSubject: "Your top-up", emailBody: "Code {{code}}", smsBody: "Code {{code}}" },
    ...overrides,
  });

export const promotionInput = (overrides: Partial<CreatePassPlanFormValues> = {}): CreatePassPlanInput =>
  createPassPlanSchema.parse({
    name: "Promotion",
    type: "PROMOTION",
    distribution: "ELECTRONIC",
    promotionCodeMode: "UNIQUE",
    passValidityKind: "DATE",
    passValidUntil: inDays(30),
    passcodeFormat: { charset: "ALPHANUMERIC", length: 8, prefix: "PR" },
    maxPasses: 500,
    communicationTemplate: { channels: ["SMS"], smsBody: "Your code {{code}}" },
    ...overrides,
  });
