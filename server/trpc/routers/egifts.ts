import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import { resendEgift } from "@/server/domain/passes/issue/resend";
import { issueElectronicPassSchema, resendEgiftSchema } from "@/server/domain/passes/issue/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const support = capabilityProcedure("passes.support");

export const egiftsRouter = createTRPCRouter({
  issue: support.input(issueElectronicPassSchema).mutation(({ ctx, input }) => issueElectronicPass(ctx.domain, input)),
  resend: support.input(resendEgiftSchema).mutation(({ ctx, input }) => resendEgift(ctx.domain, input)),
});
