import { desc, eq } from "drizzle-orm";
import { spends } from "@/db/schema";
import type { DomainContext } from "../context";
import type { SpendView } from "./operation-schemas";
import { spendView } from "./spend";

/** Spends, newest first, optionally of one contact. */
export async function listSpends(ctx: DomainContext, input: { contactId?: string; limit: number }): Promise<SpendView[]> {
  const rows = await ctx.db
    .select()
    .from(spends)
    .where(input.contactId ? eq(spends.contactId, input.contactId) : undefined)
    .orderBy(desc(spends.createdAt), desc(spends.id))
    .limit(input.limit);
  return rows.map(spendView);
}
