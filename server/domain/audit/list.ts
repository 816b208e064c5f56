import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { DomainContext } from "../context";
import { pageOf, type Page } from "../paging";
import type { ListAuditInput } from "./schemas";

export type AuditEntry = typeof auditLog.$inferSelect;

/** Newest first; filters by actor (label or id), entity, action and a date window [from, to). */
export async function listAuditEntries(ctx: DomainContext, input: ListAuditInput): Promise<Page<AuditEntry>> {
  const filters: (SQL | undefined)[] = [
    input.actor ? or(ilike(auditLog.actorLabel, `%${input.actor}%`)) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.action ? ilike(auditLog.action, `%${input.action}%`) : undefined,
    input.from ? gte(auditLog.at, input.from) : undefined,
    input.to ? lt(auditLog.at, input.to) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(auditLog).where(where),
  ]);
  return pageOf(rows, total?.value ?? 0, input);
}
