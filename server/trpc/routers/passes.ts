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
  passIdSchema,
  resetPassPinSchema,
  setPassCustomFieldsSchema,
  setPassPinSchema,
} from "@/server/domain/passes/actions/schemas";
import { changePassValue } from "@/server/domain/passes/actions/value";
import { getPassDetail } from "@/server/domain/passes/history/detail";
import { passTimeline } from "@/server/domain/passes/history/timeline";
import { checkRedemption } from "@/server/domain/passes/redeem/check";
import { requestRedemptionOtp } from "@/server/domain/passes/redeem/otp";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { checkRedemptionSchema, redeemPassSchema, requestRedemptionOtpSchema } from "@/server/domain/passes/redeem/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("passes.read");
const support = capabilityProcedure("passes.support");
const cancel = capabilityProcedure("passes.cancel");
const redeem = capabilityProcedure("passes.redeem");
const manage = capabilityProcedure("passPlans.manage");

/** One pass: its page, the single-pass actions of D5 and redemption on behalf of a contact. */
export const passesRouter = createTRPCRouter({
  byId: read.input(passIdSchema).query(({ ctx, input }) => getPassDetail(ctx.domain, input)),
  timeline: read.input(passIdSchema).query(({ ctx, input }) => passTimeline(ctx.domain, input)),
  activate: support.input(activatePassSchema).mutation(({ ctx, input }) => activatePass(ctx.domain, input)),
  cancel: cancel.input(cancelPassSchema).mutation(({ ctx, input }) => cancelPass(ctx.domain, input)),
  changeExpiry: support.input(changePassExpirySchema).mutation(({ ctx, input }) => changePassExpiry(ctx.domain, input)),
  changeValue: support.input(changePassValueSchema).mutation(({ ctx, input }) => changePassValue(ctx.domain, input)),
  setPin: support.input(setPassPinSchema).mutation(({ ctx, input }) => setPassPin(ctx.domain, input)),
  resetPin: support.input(resetPassPinSchema).mutation(({ ctx, input }) => resetPassPin(ctx.domain, input)),
  setCustomFields: manage.input(setPassCustomFieldsSchema).mutation(({ ctx, input }) => setPassCustomFields(ctx.domain, input)),
  checkRedemption: redeem.input(checkRedemptionSchema).mutation(({ ctx, input }) => checkRedemption(ctx.domain, input)),
  redeem: redeem.input(redeemPassSchema).mutation(({ ctx, input }) => redeemPass(ctx.domain, input)),
  requestOtp: redeem.input(requestRedemptionOtpSchema).mutation(({ ctx, input }) => requestRedemptionOtp(ctx.domain, input)),
});
