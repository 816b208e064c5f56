import { homeFigures } from "@/server/domain/dashboard/home";
import { capabilityProcedure, createTRPCRouter } from "../init";

export const dashboardRouter = createTRPCRouter({
  home: capabilityProcedure("dashboard.read").query(({ ctx }) => homeFigures(ctx.domain)),
});
