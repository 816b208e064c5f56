import { copyPassPlan } from "@/server/domain/pass-plans/copy";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { passPlanFormOptions } from "@/server/domain/pass-plans/read/form-options";
import { getPassPlan, listPassPlans } from "@/server/domain/pass-plans/read/list";
import { createPassPlanSchema, listPassPlansSchema, passPlanIdSchema, updatePassPlanSchema } from "@/server/domain/pass-plans/schemas";
import { activatePassPlan, deactivatePassPlan } from "@/server/domain/pass-plans/states";
import { updatePassPlan } from "@/server/domain/pass-plans/update";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("passPlans.read");
const manage = capabilityProcedure("passPlans.manage");

export const passPlansRouter = createTRPCRouter({
  list: read.input(listPassPlansSchema).query(({ ctx, input }) => listPassPlans(ctx.domain, input)),
  byId: read.input(passPlanIdSchema).query(({ ctx, input }) => getPassPlan(ctx.domain, input)),
  formOptions: manage.query(({ ctx }) => passPlanFormOptions(ctx.domain)),
  create: manage.input(createPassPlanSchema).mutation(({ ctx, input }) => createPassPlan(ctx.domain, input)),
  update: manage.input(updatePassPlanSchema).mutation(({ ctx, input }) => updatePassPlan(ctx.domain, input)),
  activate: manage.input(passPlanIdSchema).mutation(({ ctx, input }) => activatePassPlan(ctx.domain, input)),
  deactivate: manage.input(passPlanIdSchema).mutation(({ ctx, input }) => deactivatePassPlan(ctx.domain, input)),
  copy: manage.input(passPlanIdSchema).mutation(({ ctx, input }) => copyPassPlan(ctx.domain, input)),
});
