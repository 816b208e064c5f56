import { and, asc, count, eq, gt, type SQL } from "drizzle-orm";
import { lots, passes, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { lookupHash } from "../codes/secrecy";
import type { ListLotPassesInput, ListLotsInput, LotIdInput } from "./schemas";

const lotColumns = {
  id: lots.id,
  planId: lots.planId,
  number: lots.number,
  kind: lots.kind,
  quantity: lots.quantity,
  generationState: lots.generationState,
  generatedCount: lots.generatedCount,
  generationError: lots.generationError,
  generationStartedAt: lots.generationStartedAt,
  generationCompletedAt: lots.generationCompletedAt,
  action: lots.action,
  actionState: lots.actionState,
  actionTotal: lots.actionTotal,
  actionDone: lots.actionDone,
  actionError: lots.actionError,
  actionRequestedAt: lots.actionRequestedAt,
  actionCompletedAt: lots.actionCompletedAt,
  createdAt: lots.createdAt,
};
export type LotSummary = { [K in keyof typeof lotColumns]: (typeof lots.$inferSelect)[K] };

/** The lots of a plan by number, with the progress of their generation and whole-lot action (cheap enough to poll). */
export async function listLots(ctx: DomainContext, input: ListLotsInput): Promise<LotSummary[]> {
  return ctx.db.select(lotColumns).from(lots).where(eq(lots.planId, input.planId)).orderBy(lots.number);
}

export type PassStateCounts = Record<(typeof passes.$inferSelect)["state"], number>;

export interface LotDetail extends LotSummary {
  planName: string;
  planDistribution: (typeof passPlans.$inferSelect)["distribution"];
  printingWebhookEnabled: boolean;
  stateCounts: PassStateCounts;
}

export async function getLot(ctx: DomainContext, input: LotIdInput): Promise<LotDetail> {
  const [lot] = await ctx.db
    .select({ ...lotColumns, planName: passPlans.name, planDistribution: passPlans.distribution, printingWebhookEnabled: passPlans.printingWebhookEnabled })
    .from(lots)
    .innerJoin(passPlans, eq(passPlans.id, lots.planId))
    .where(eq(lots.id, input.lotId));
  if (!lot) throw notFound("Lot");
  const counts = await ctx.db.select({ state: passes.state, n: count() }).from(passes).where(eq(passes.lotId, lot.id)).groupBy(passes.state);
  const stateCounts: PassStateCounts = { DRAFT: 0, ACTIVE: 0, REDEEMED: 0, CANCELLED: 0, EXPIRED: 0 };
  for (const row of counts) stateCounts[row.state] = row.n;
  return { ...lot, stateCounts };
}

const lotPassColumns = {
  id: passes.id,
  codeMask: passes.codeMask,
  state: passes.state,
  contactId: passes.contactId,
  recipientName: passes.recipientName,
  recipientEmail: passes.recipientEmail,
  recipientPhone: passes.recipientPhone,
  usesCount: passes.usesCount,
  maxUses: passes.maxUses,
  initialValueMinor: passes.initialValueMinor,
  currency: passes.currency,
  expiresAt: passes.expiresAt,
};

export type CommunicationMethod = "PRINTED" | "EMAIL" | "SMS";
export type LotPass = { [K in keyof typeof lotPassColumns]: (typeof passes.$inferSelect)[K] } & { communication: CommunicationMethod[] };

export interface LotPassesPage {
  rows: LotPass[];
  /** Pass to `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The passes of a lot in creation order, a page at a time by keyset on (lot, id): every page
 * costs the same at a million passes. A code is found through its keyed hash, never by scanning.
 */
export async function listLotPasses(ctx: DomainContext, input: ListLotPassesInput): Promise<LotPassesPage> {
  const [lot] = await ctx.db.select({ kind: lots.kind }).from(lots).where(eq(lots.id, input.lotId));
  if (!lot) throw notFound("Lot");
  const where: (SQL | undefined)[] = [
    eq(passes.lotId, input.lotId),
    input.state ? eq(passes.state, input.state) : undefined,
    input.code ? eq(passes.codeHash, lookupHash(input.code)) : undefined,
    input.after ? gt(passes.id, input.after) : undefined,
  ];
  const found = await ctx.db
    .select(lotPassColumns)
    .from(passes)
    .where(and(...where))
    .orderBy(asc(passes.id))
    .limit(input.limit + 1);
  const rows = found.slice(0, input.limit).map((row) => ({
    ...row,
    communication: communicationOf(lot.kind, row),
  }));
  return { rows, nextCursor: found.length > input.limit ? (rows.at(-1)?.id ?? null) : null };
}

function communicationOf(kind: (typeof lots.$inferSelect)["kind"], row: Pick<LotPass, "recipientEmail" | "recipientPhone">): CommunicationMethod[] {
  if (kind === "PRINTED") return ["PRINTED"];
  const methods: CommunicationMethod[] = [];
  if (row.recipientEmail) methods.push("EMAIL");
  if (row.recipientPhone) methods.push("SMS");
  return methods;
}
