import { desc, eq } from "drizzle-orm";
import { payoutRequests } from "@/db/schema";
import type { DomainContext } from "../../context";
import type { PayoutView } from "../operation-schemas";
import { payoutView } from "./view";

/** Payout requests, newest first, optionally in one state (finance's queue: REQUESTED). */
export async function listPayouts(ctx: DomainContext, input: { state?: PayoutView["state"]; limit: number }): Promise<PayoutView[]> {
  const rows = await ctx.db
    .select()
    .from(payoutRequests)
    .where(input.state ? eq(payoutRequests.state, input.state) : undefined)
    .orderBy(desc(payoutRequests.createdAt), desc(payoutRequests.id))
    .limit(input.limit);
  return rows.map(payoutView);
}
