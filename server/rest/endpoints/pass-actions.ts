import { z, type ZodTypeAny } from "zod";
import type { DomainContext } from "@/server/domain/context";
import { activatePass } from "@/server/domain/passes/actions/activate";
import { cancelPass } from "@/server/domain/passes/actions/cancel";
import { setPassCustomFields } from "@/server/domain/passes/actions/custom-fields";
import { changePassExpiry } from "@/server/domain/passes/actions/expiry";
import { resetPassPin, setPassPin } from "@/server/domain/passes/actions/pin";
import {
  activatePassSchema,
  cancelPassSchema,
  changePassExpirySchema,
  changePassValueSchema,
  resetPassPinSchema,
  setPassCustomFieldsSchema,
  setPassPinSchema,
} from "@/server/domain/passes/actions/schemas";
import { changePassValue } from "@/server/domain/passes/actions/value";
import { checkRedemption } from "@/server/domain/passes/redeem/check";
import { requestRedemptionOtp } from "@/server/domain/passes/redeem/otp";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { checkRedemptionSchema, redeemPassSchema, requestRedemptionOtpSchema } from "@/server/domain/passes/redeem/schemas";
import { defineEndpoint } from "../endpoint";
import { walletBalancesSchema } from "@/server/domain/wallet/schemas";

const tag = "Passes";

/** A pass as integrations see it: the masked code only, never the code, its hash or the PIN. */
export const passViewSchema = z.object({
  passId: z.string().uuid(),
  planId: z.string().uuid(),
  codeMask: z.string(),
  state: z.enum(["DRAFT", "ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"]),
  currency: z.string().nullable(),
  initialValueMinor: z.number().int().nullable(),
  remainingValueMinor: z.number().int().nullable(),
  usesCount: z.number().int(),
  maxUses: z.number().int(),
  expiresAt: z.date().nullable(),
  hasPin: z.boolean(),
  contactId: z.string().uuid().nullable(),
  customFields: z.record(z.unknown()),
});

const unlocksSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("VALUE"), amountMinor: z.number().int(), currency: z.string() }),
  z.object({ kind: z.literal("REWARD_OFFER"), rewardOfferId: z.string().uuid().nullable() }),
]);

const walletCreditSchema = z.object({
  contactId: z.string().uuid(),
  walletId: z.string().uuid(),
  creditLotId: z.string().uuid(),
  journalEntryId: z.string().uuid(),
  creditedMinor: z.number().int(),
  balances: walletBalancesSchema,
});

const redeemDescription =
  "Wrong codes, PINs and one-time codes all answer 422 INVALID_CREDENTIALS, never saying whether the code exists. " +
  "More than 5 failures on one code, or 20 by one API key within a minute, answer 429 TOO_MANY_ATTEMPTS. The API accepts the code or its keyed hash.";

export const redeemPassEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/redeem",
  scope: "passes:redeem",
  tag,
  summary: "Redeem a pass",
  description: `Checks the pass (ACTIVE, not expired, PIN, OTP when its plan requires one, promotion once per contact) and uses it once, atomically. ${redeemDescription} A multi-use gift/top-up pass may be redeemed for part of its value (\`amountMinor\`). \`credit\` carries the wallet's credit and new balances; it is null for a promotion pass. Send an \`Idempotency-Key\` to retry safely.`,
  input: redeemPassSchema,
  output: z.object({ redemptionId: z.string().uuid(), pass: passViewSchema, unlocked: unlocksSchema, credit: walletCreditSchema.nullable() }),
  handle: redeemPass,
  recordsKeyWithWrite: true,
});

export const checkRedemptionEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/redeem/check",
  scope: "passes:redeem",
  tag,
  summary: "Check a pass before redeeming it",
  description: `Runs every check of a redemption and answers what the pass would unlock, without using it. One code per call: there is no bulk check. ${redeemDescription}`,
  input: checkRedemptionSchema,
  output: z.object({ pass: passViewSchema.extend({ planName: z.string(), type: z.enum(["GIFT", "TOP_UP", "PROMOTION"]) }), unlocks: unlocksSchema }),
  handle: checkRedemption,
});

export const requestRedemptionOtpEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/redeem/otp",
  scope: "passes:redeem",
  tag,
  summary: "Send a one-time code for a redemption",
  description: `For a pass whose plan requires OTP verification: sends 6 digits (valid 5 minutes, 5 tries) by SMS or email to the pass's contact or recipient, replacing any earlier one. ${redeemDescription}`,
  input: requestRedemptionOtpSchema,
  output: z.object({ channel: z.enum(["SMS", "EMAIL"]), sentTo: z.string().describe("Masked destination."), expiresAt: z.date() }),
  handle: requestRedemptionOtp,
});

const idParam = { id: z.string().uuid("Not a pass id.") };

/** A command on one pass at /passes/{id}/…; the path's id becomes the domain's passId. */
function passCommand<TInput extends z.AnyZodObject, TOutput extends ZodTypeAny>(
  path: string,
  summary: string,
  description: string,
  schema: TInput,
  output: TOutput,
  run: (ctx: DomainContext, input: z.infer<TInput>) => Promise<z.infer<TOutput>>,
) {
  return defineEndpoint({
    method: "post",
    path: `/passes/{id}/${path}`,
    scope: "passes:manage",
    tag,
    summary,
    description,
    input: schema.omit({ passId: true }).extend(idParam),
    output,
    handle: (ctx, { id, ...rest }: { id: string } & Record<string, unknown>) => run(ctx, { ...rest, passId: id } as z.infer<TInput>),
  });
}

export const activatePassEndpoint = passCommand("activate", "Activate a pass", "DRAFT → ACTIVE, e.g. a printed card sold at a point of sale. A printed variable-value pass needs `valueMinor` within the plan's range.", activatePassSchema, passViewSchema, activatePass);
export const cancelPassEndpoint = passCommand("cancel", "Cancel a pass", "DRAFT or ACTIVE → CANCELLED.", cancelPassSchema, passViewSchema, cancelPass);
export const changePassExpiryEndpoint = passCommand("expiry", "Change a pass's expiry", "A future date, or null for no expiry.", changePassExpirySchema, passViewSchema, changePassExpiry);
export const changePassValueEndpoint = passCommand("value", "Change a pass's initial value", "Variable-value passes only, before any use, within the plan's range; the remaining value follows.", changePassValueSchema, passViewSchema, changePassValue);
export const setPassPinEndpoint = passCommand("pin", "Set a pass's PIN", "4–8 digits; stored only as a keyed hash.", setPassPinSchema, passViewSchema, setPassPin);
export const resetPassPinEndpoint = passCommand("pin/reset", "Reset a pass's PIN", "Replaces the PIN with a random one of `length` digits (default 4), answered this once.", resetPassPinSchema, z.object({ pass: passViewSchema, pin: z.string() }), resetPassPin);
export const setPassCustomFieldsEndpoint = passCommand("custom-fields", "Change a pass's custom fields", "Values of the `pass` custom fields; a blank value removes one. Values inherited from the plan stay unless named.", setPassCustomFieldsSchema, passViewSchema, setPassCustomFields);

export const passActionEndpoints = [
  redeemPassEndpoint,
  checkRedemptionEndpoint,
  requestRedemptionOtpEndpoint,
  activatePassEndpoint,
  cancelPassEndpoint,
  changePassExpiryEndpoint,
  changePassValueEndpoint,
  setPassPinEndpoint,
  resetPassPinEndpoint,
  setPassCustomFieldsEndpoint,
];
