import type { DomainContext } from "../../context";
import { assertContactMayRedeem, assertRedeemable, findPassByCredentials, type FoundPass } from "./find";
import { verifyRedemptionOtp } from "./otp";
import type { RedemptionCredentials } from "./schemas";

export interface VerifiedRedemption extends FoundPass {
  /** The OTP to consume when the redemption commits; null when the plan needs none. */
  otpId: string | null;
}

/** Every check of D5 step 1, in the order that tells nothing before the secrets pass. */
export async function verifyRedemption(ctx: DomainContext, input: RedemptionCredentials): Promise<VerifiedRedemption> {
  const found = await findPassByCredentials(ctx, input);
  await assertRedeemable(found, new Date());
  await assertContactMayRedeem(ctx, found, input.contactId);
  const otpId = found.plan.otpRequired ? await verifyRedemptionOtp(found, input.otp) : null;
  return { ...found, otpId };
}
