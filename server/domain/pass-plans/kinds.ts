/**
 * The closed lists of pass plans (D5). They mirror the database enums of db/schema/passes.ts;
 * plan rows are written typed against those enums, so a drift fails to compile.
 */
export const passTypes = ["GIFT", "TOP_UP", "PROMOTION"] as const;
export const passDistributions = ["PRINTED", "ELECTRONIC"] as const;
export const passPlanStates = ["DRAFT", "ACTIVE", "INACTIVE"] as const;
export const passValueModes = ["FIXED", "VARIABLE"] as const;
export const passValidityKinds = ["NONE", "DATE", "DURATION"] as const;
export const valueValidityKinds = ["NEVER", "PERIOD", "DATE"] as const;
export const durationUnits = ["DAY", "MONTH"] as const;
export const passUsages = ["SINGLE", "MULTIPLE"] as const;
export const promotionCodeModes = ["SINGLE", "UNIQUE"] as const;
export const communicationChannels = ["EMAIL", "SMS"] as const;

export type PassType = (typeof passTypes)[number];
export type PassDistribution = (typeof passDistributions)[number];
export type PassPlanState = (typeof passPlanStates)[number];

/** The settings that stay changeable on a plan that has passes (D5). */
export const alwaysEditableFields = ["name", "description"] as const;
