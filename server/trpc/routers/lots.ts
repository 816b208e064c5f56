import { createLot, retryLotGeneration } from "@/server/domain/passes/lots/commands";
import { activateLot, cancelLot } from "@/server/domain/passes/lots/whole-lot-actions";
import { getPrintingHouseSettings, updatePrintingHouseSettings } from "@/server/domain/passes/lots/printing-house/settings";
import { getLot, listLotPasses, listLots } from "@/server/domain/passes/lots/read";
import { createLotSchema, listLotPassesSchema, listLotsSchema, lotIdSchema, printingHouseSettingsSchema } from "@/server/domain/passes/lots/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("passes.read");
const manage = capabilityProcedure("passPlans.manage");
const settings = capabilityProcedure("settings.manage");

export const lotsRouter = createTRPCRouter({
  list: read.input(listLotsSchema).query(({ ctx, input }) => listLots(ctx.domain, input)),
  byId: read.input(lotIdSchema).query(({ ctx, input }) => getLot(ctx.domain, input)),
  passes: read.input(listLotPassesSchema).query(({ ctx, input }) => listLotPasses(ctx.domain, input)),
  create: manage.input(createLotSchema).mutation(({ ctx, input }) => createLot(ctx.domain, input)),
  activateAll: manage.input(lotIdSchema).mutation(({ ctx, input }) => activateLot(ctx.domain, input)),
  cancelAll: manage.input(lotIdSchema).mutation(({ ctx, input }) => cancelLot(ctx.domain, input)),
  retryGeneration: manage.input(lotIdSchema).mutation(({ ctx, input }) => retryLotGeneration(ctx.domain, input)),
  printingHouse: settings.query(({ ctx }) => getPrintingHouseSettings(ctx.domain)),
  updatePrintingHouse: settings.input(printingHouseSettingsSchema).mutation(({ ctx, input }) => updatePrintingHouseSettings(ctx.domain, input)),
});
