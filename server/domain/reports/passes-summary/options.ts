import { asc, sql } from "drizzle-orm";
import { organisations, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";

export interface PassesSummaryOptions {
  plans: { id: string; name: string; type: (typeof passPlans.$inferSelect)["type"]; currency: string | null }[];
  /** Archived ones too: their past redemptions still count. */
  organisations: { id: string; name: string; archived: boolean }[];
}

/** The choices of the report's plan and organisation filters. */
export async function passesSummaryOptions(ctx: DomainContext): Promise<PassesSummaryOptions> {
  const [plans, orgs] = await Promise.all([
    ctx.db.select({ id: passPlans.id, name: passPlans.name, type: passPlans.type, currency: passPlans.currency }).from(passPlans).orderBy(asc(passPlans.name), asc(passPlans.id)),
    ctx.db
      .select({ id: organisations.id, name: organisations.name, archived: sql<boolean>`${organisations.archivedAt} is not null` })
      .from(organisations)
      .orderBy(asc(organisations.name), asc(organisations.id)),
  ]);
  return { plans, organisations: orgs };
}
