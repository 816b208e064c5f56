import { z } from "zod";
import { replaceLostPass } from "@/server/domain/passes/support/replace-lost";
import { reverseRedemption } from "@/server/domain/passes/support/reverse-redemption";
import { replaceLostPassSchema, reverseRedemptionSchema } from "@/server/domain/passes/support/schemas";
import { walletBalancesSchema } from "@/server/domain/wallet/schemas";
import { defineEndpoint } from "../endpoint";
import { passViewSchema } from "./pass-actions";

const tag = "Passes";

export const replaceLostPassEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/{id}/replace",
  scope: "passes:manage",
  tag,
  summary: "Replace a lost gift pass",
  description:
    "An ACTIVE gift pass of a registered contact, with value left: in one transaction it is cancelled and a new pass with its remaining value and uses, its expiry and contact, linked by `replacesPassId`, is issued into the plan's on-demand lot and its code sent to the contact (the plan's template; a printed plan's by email). The answer carries the new pass's masked code only. Send an `Idempotency-Key` to retry safely.",
  input: replaceLostPassSchema.omit({ passId: true }).extend({ id: z.string().uuid("Not a pass id.") }),
  output: z.object({
    cancelled: passViewSchema,
    replacement: passViewSchema.extend({
      replacesPassId: z.string().uuid().nullable().optional(),
      messages: z.array(z.object({ id: z.string().uuid(), channel: z.enum(["EMAIL", "SMS"]), to: z.string() })),
    }),
  }),
  handle: (ctx, { id, reason }) => replaceLostPass(ctx, { passId: id, reason }),
});

export const reverseRedemptionEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/redemptions/{id}/reverse",
  scope: "passes:manage",
  tag,
  summary: "Roll back a pass redemption",
  description:
    "Allowed while the credited funds are unspent and unexpired: a reversing journal entry naming the original moves them back to the plan's pass liability and the pass is ACTIVE again with the value and the use. A second rollback answers 409 INVALID_STATE; spent funds 422 BUSINESS_RULE. Send an `Idempotency-Key` to retry safely.",
  input: reverseRedemptionSchema.omit({ redemptionId: true }).extend({ id: z.string().uuid("Not a redemption id.") }),
  output: z.object({
    redemptionId: z.string().uuid(),
    journalEntryId: z.string().uuid(),
    reversedMinor: z.number().int(),
    pass: passViewSchema,
    balances: walletBalancesSchema,
  }),
  handle: (ctx, { id, reason }) => reverseRedemption(ctx, { redemptionId: id, reason }),
});

export const passSupportEndpoints = [replaceLostPassEndpoint, reverseRedemptionEndpoint];
