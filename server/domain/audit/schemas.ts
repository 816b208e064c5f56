import { z } from "zod";
import { pageInputSchema } from "../paging";

export const listAuditSchema = pageInputSchema.extend({
  actor: z.string().trim().max(200).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().uuid().optional(),
  action: z.string().trim().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ListAuditInput = z.infer<typeof listAuditSchema>;
