import { listPassesSummary } from "@/server/domain/reports/passes-summary/list";
import { passesSummaryOptions } from "@/server/domain/reports/passes-summary/options";
import { listPassesSummarySchema, passesSummaryFiltersSchema } from "@/server/domain/reports/passes-summary/schemas";
import { passesSummaryTotals } from "@/server/domain/reports/passes-summary/totals";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("reports.read");

/** The Passes Summary report (D10), for finance and admins. */
export const passesSummaryRouter = createTRPCRouter({
  list: read.input(listPassesSummarySchema).query(({ ctx, input }) => listPassesSummary(ctx.domain, input)),
  totals: read.input(passesSummaryFiltersSchema).query(({ ctx, input }) => passesSummaryTotals(ctx.domain, input)),
  options: read.query(({ ctx }) => passesSummaryOptions(ctx.domain)),
});
