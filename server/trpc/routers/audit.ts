import { listAuditEntries } from "@/server/domain/audit/list";
import { listAuditSchema } from "@/server/domain/audit/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

export const auditRouter = createTRPCRouter({
  list: capabilityProcedure("audit.read")
    .input(listAuditSchema)
    .query(({ ctx, input }) => listAuditEntries(ctx.domain, input)),
});
