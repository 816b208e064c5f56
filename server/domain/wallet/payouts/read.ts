import { count, desc, eq, sql } from "drizzle-orm";
import { contactIdentities, contacts, payoutRequests } from "@/db/schema";
import type { DomainContext } from "../../context";
import type { PayoutQueueInput, PayoutView } from "../operation-schemas";
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

/** A payout request with what a person calls its contact: the names, else the first identity (null for nameless contacts). */
export interface PayoutQueueRow extends PayoutView {
  contactName: string | null;
}

const contactName = sql<string | null>`coalesce(
  nullif(concat_ws(' ', ${contacts.firstName}, ${contacts.lastName}), ''),
  (select ci.value from ${contactIdentities} ci where ci.contact_id = ${contacts.id} order by ci.type, ci.created_at limit 1))`;

/** One page of payout requests, newest first, optionally in one state, with the contact's name and the total count (the back office's payouts page). */
export async function payoutQueue(ctx: DomainContext, input: PayoutQueueInput): Promise<{ rows: PayoutQueueRow[]; total: number }> {
  const where = input.state ? eq(payoutRequests.state, input.state) : undefined;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ payout: payoutRequests, contactName })
      .from(payoutRequests)
      .leftJoin(contacts, eq(contacts.id, payoutRequests.contactId))
      .where(where)
      .orderBy(desc(payoutRequests.createdAt), desc(payoutRequests.id))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ total: count() }).from(payoutRequests).where(where),
  ]);
  return { rows: rows.map((row) => ({ ...payoutView(row.payout), contactName: row.contactName })), total: counted?.total ?? 0 };
}
