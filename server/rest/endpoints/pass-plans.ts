import { z } from "zod";
import { copyPassPlan } from "@/server/domain/pass-plans/copy";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import {
  communicationChannels,
  durationUnits,
  passDistributions,
  passPlanStates,
  passTypes,
  passUsages,
  passValidityKinds,
  passValueModes,
  promotionCodeModes,
  valueValidityKinds,
} from "@/server/domain/pass-plans/kinds";
import { getPassPlan, listPassPlans } from "@/server/domain/pass-plans/read/list";
import { createPassPlanSchema, listPassPlansSchema, passPlanIdSchema, updatePassPlanSchema } from "@/server/domain/pass-plans/schemas";
import { activatePassPlan, deactivatePassPlan } from "@/server/domain/pass-plans/states";
import { updatePassPlan } from "@/server/domain/pass-plans/update";
import { passcodeCharsets } from "@/server/domain/passes/codes/format";
import { defineEndpoint } from "../endpoint";

const tag = "Pass plans";
const nullable = <T extends z.ZodTypeAny>(schema: T) => schema.nullable();

const passPlanSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(passTypes),
  distribution: z.enum(passDistributions),
  state: z.enum(passPlanStates),
  currency: nullable(z.string()),
  commercePoolId: nullable(z.string().uuid()),
  valueMode: nullable(z.enum(passValueModes)),
  fixedValueMinor: nullable(z.number().int()).describe("Minor units of the currency."),
  minValueMinor: nullable(z.number().int()),
  maxValueMinor: nullable(z.number().int()),
  passValidityKind: z.enum(passValidityKinds),
  passValidUntil: nullable(z.date()),
  passValidityCount: nullable(z.number().int()),
  passValidityUnit: nullable(z.enum(durationUnits)),
  valueValidityKind: nullable(z.enum(valueValidityKinds)),
  valueValidUntil: nullable(z.date()),
  valueValidityCount: nullable(z.number().int()),
  valueValidityUnit: nullable(z.enum(durationUnits)),
  usage: z.enum(passUsages),
  maxUses: nullable(z.number().int()),
  productSkus: z.array(z.string()),
  productFamilyIds: z.array(z.string().uuid()),
  pinRequired: z.boolean(),
  otpRequired: z.boolean(),
  passcodeFormat: z.object({ charset: z.enum(passcodeCharsets), length: z.number().int(), prefix: z.string(), suffix: z.string(), checkCharacter: z.boolean() }),
  promotionCodeMode: nullable(z.enum(promotionCodeModes)),
  maxPasses: z.number().int(),
  quantity: nullable(z.number().int()),
  printingWebhookEnabled: z.boolean(),
  communicationTemplate: nullable(
    z.object({ channels: z.array(z.enum(communicationChannels)), emailSubject: z.string().optional(), emailBody: z.string().optional(), smsBody: z.string().optional() }),
  ),
  linkedRewardOfferId: nullable(z.string().uuid()),
  customFields: z.record(z.unknown()),
  issuedCount: z.number().int(),
  copiedFromId: nullable(z.string().uuid()),
  createdBy: nullable(z.string().uuid()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const passPlanDetailSchema = passPlanSchema.extend({
  currencyMinorUnits: z.number().int().nullable(),
  locked: z.boolean().describe("The plan has passes: only name, description and state change."),
  universalCodeMask: z.string().nullable().describe("Masked universal code of a single-code promotion plan."),
});

const summarySchema = passPlanSchema
  .pick({ id: true, name: true, type: true, distribution: true, state: true, currency: true, valueMode: true, fixedValueMinor: true, minValueMinor: true, maxValueMinor: true, issuedCount: true, maxPasses: true, createdAt: true })
  .extend({ currencyMinorUnits: z.number().int().nullable() });

const planPath = { id: z.string().uuid("Not a pass plan id.") };

export const listPassPlansEndpoint = defineEndpoint({
  method: "get",
  path: "/pass-plans",
  scope: "passes:read",
  tag,
  summary: "List pass plans",
  description: "Newest first; filter by `type`, `distribution`, `state`, or a `search` in names.",
  input: listPassPlansSchema,
  output: z.object({ rows: z.array(summarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  handle: listPassPlans,
});

export const createPassPlanEndpoint = defineEndpoint({
  method: "post",
  path: "/pass-plans",
  scope: "passes:manage",
  tag,
  summary: "Create a pass plan (DRAFT)",
  description:
    "Every setting of a plan. Invalid combinations answer 400 naming the field in `details.fieldErrors`; a passcode format too small for `maxPasses` answers 422 CODE_SPACE_TOO_SMALL. A single-code promotion plan takes its `universalCode`, which is stored only hashed and encrypted.",
  input: createPassPlanSchema,
  output: passPlanSchema,
  successStatus: 201,
  handle: createPassPlan,
});

export const getPassPlanEndpoint = defineEndpoint({
  method: "get",
  path: "/pass-plans/{id}",
  scope: "passes:read",
  tag,
  summary: "Get a pass plan",
  input: z.object(planPath),
  output: passPlanDetailSchema,
  handle: getPassPlan,
});

export const updatePassPlanEndpoint = defineEndpoint({
  method: "patch",
  path: "/pass-plans/{id}",
  scope: "passes:manage",
  tag,
  summary: "Change a pass plan's settings",
  description: "Fields left out stay as they are; null clears one. A plan with passes changes only its name and description (409 PLAN_LOCKED names the field).",
  input: updatePassPlanSchema.omit({ id: true }).extend(planPath),
  output: passPlanSchema,
  handle: updatePassPlan,
});

const stateEndpoint = (action: "activate" | "deactivate", summary: string, description: string, handle: typeof activatePassPlan) =>
  defineEndpoint({
    method: "post",
    path: `/pass-plans/{id}/${action}`,
    scope: "passes:manage",
    tag,
    summary,
    description,
    input: passPlanIdSchema,
    output: passPlanSchema,
    handle,
  });

export const activatePassPlanEndpoint = stateEndpoint(
  "activate",
  "Activate a pass plan",
  "DRAFT or INACTIVE → ACTIVE. The first activation of a printed plan queues its first lot for generation.",
  activatePassPlan,
);

export const deactivatePassPlanEndpoint = stateEndpoint("deactivate", "Deactivate a pass plan", "ACTIVE → INACTIVE: no new passes; existing ones keep working.", deactivatePassPlan);

export const copyPassPlanEndpoint = defineEndpoint({
  method: "post",
  path: "/pass-plans/{id}/copy",
  scope: "passes:manage",
  tag,
  summary: "Copy a pass plan into a new DRAFT",
  input: passPlanIdSchema,
  output: passPlanSchema,
  successStatus: 201,
  handle: copyPassPlan,
});

export const passPlanEndpoints = [
  listPassPlansEndpoint,
  createPassPlanEndpoint,
  getPassPlanEndpoint,
  updatePassPlanEndpoint,
  activatePassPlanEndpoint,
  deactivatePassPlanEndpoint,
  copyPassPlanEndpoint,
];
