import { replaceLostPass } from "@/server/domain/passes/support/replace-lost";
import { reverseRedemption } from "@/server/domain/passes/support/reverse-redemption";
import { replaceLostPassSchema, reverseRedemptionSchema } from "@/server/domain/passes/support/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const support = capabilityProcedure("passes.support");

/** Support flows on passes (D5, D6): replace a lost gift pass, roll back a redemption. */
export const passSupportRouter = createTRPCRouter({
  replaceLost: support.input(replaceLostPassSchema).mutation(({ ctx, input }) => replaceLostPass(ctx.domain, input)),
  reverseRedemption: support.input(reverseRedemptionSchema).mutation(({ ctx, input }) => reverseRedemption(ctx.domain, input)),
});
