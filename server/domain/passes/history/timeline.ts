import { and, asc, eq, inArray, or } from "drizzle-orm";
import { auditLog, domainEvents, lots, passes } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import type { PassIdInput } from "../actions/schemas";

/** The lot's own events that concern each of its passes. */
const lotActions = ["lot.generation_completed", "lot.activated", "lot.cancelled"];

/** Facts a timeline line may show; all are plain values without secrets (payloads carry masks only). */
export interface TimelineFacts {
  reason?: string;
  message?: string;
  amountMinor?: number | null;
  currency?: string | null;
  expiresAtBefore?: string | null;
  expiresAtAfter?: string | null;
  valueBefore?: number | null;
  valueAfter?: number | null;
  terminalId?: string | null;
  channels?: string[];
  lotNumber?: number;
  recipientCorrected?: boolean;
}

export interface TimelineEntry {
  id: string;
  at: Date;
  /** The event type or audit action, e.g. "pass.redeemed". */
  action: string;
  /** Who did it: the user's email or API key's name; null for the system. */
  actorLabel: string | null;
  facts: TimelineFacts;
}

type Json = Record<string, unknown> | null;
const record = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown) => (typeof v === "string" ? v : v === null ? null : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : v === null ? null : undefined);

function factsOf(action: string, before: Json, after: Json): TimelineFacts {
  const facts: TimelineFacts = {
    reason: str(after?.reason) ?? undefined,
    message: str(after?.message) ?? undefined,
    terminalId: str(after?.terminalId),
    channels: Array.isArray(after?.channels) ? after.channels.filter((c): c is string => typeof c === "string") : undefined,
    lotNumber: num(after?.number) ?? undefined,
    recipientCorrected: typeof after?.recipientCorrected === "boolean" ? after.recipientCorrected : undefined,
  };
  if (action === "pass.redeemed") Object.assign(facts, { amountMinor: num(after?.amountMinor), currency: str(after?.currency) });
  if (action === "pass.expiry_changed") Object.assign(facts, { expiresAtBefore: str(before?.expiresAt), expiresAtAfter: str(after?.expiresAt) });
  if (action === "pass.value_changed" || action === "pass.activated") {
    Object.assign(facts, { valueBefore: num(before?.initialValueMinor), valueAfter: num(after?.initialValueMinor), currency: str(after?.currency) });
  }
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as TimelineFacts;
}

/**
 * A pass's history (D5): its outbox events (issued, activated, sent, re-sent, redeemed,
 * cancelled, expired, …) with the audit entry of the same change for who did it, the refused
 * and failed redemption attempts that only the audit log holds, and its lot's generation,
 * activation and cancellation. Oldest first.
 */
export async function passTimeline(ctx: DomainContext, input: PassIdInput): Promise<TimelineEntry[]> {
  const [pass] = await ctx.db.select({ id: passes.id, lotId: passes.lotId }).from(passes).where(eq(passes.id, input.passId));
  if (!pass) throw notFound("Pass");
  const [events, audits, lot] = await Promise.all([
    ctx.db
      .select()
      .from(domainEvents)
      .where(
        or(
          and(eq(domainEvents.entityType, "pass"), eq(domainEvents.entityId, pass.id)),
          and(eq(domainEvents.entityType, "lot"), eq(domainEvents.entityId, pass.lotId), inArray(domainEvents.type, lotActions)),
        ),
      )
      .orderBy(asc(domainEvents.seq)),
    ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, "pass"), eq(auditLog.entityId, pass.id))).orderBy(asc(auditLog.at)),
    ctx.db.select({ number: lots.number }).from(lots).where(eq(lots.id, pass.lotId)),
  ]);

  // Both rows of one change are written in its transaction: pair each event with the first unpaired audit entry of its action.
  const unpaired = new Map<string, (typeof audits)[number][]>();
  for (const entry of audits) unpaired.set(entry.action, [...(unpaired.get(entry.action) ?? []), entry]);
  const entries: TimelineEntry[] = events.map((event) => {
    const audit = unpaired.get(event.type)?.shift();
    const payload = record(event.payload);
    const after = event.entityType === "lot" ? { ...payload, number: lot[0]?.number } : (record(audit?.after) ?? payload);
    return { id: event.id, at: event.occurredAt, action: event.type, actorLabel: audit?.actorLabel ?? null, facts: factsOf(event.type, record(audit?.before), after) };
  });
  for (const rest of unpaired.values()) {
    for (const audit of rest) {
      entries.push({ id: audit.id, at: audit.at, action: audit.action, actorLabel: audit.actorLabel, facts: factsOf(audit.action, record(audit.before), record(audit.after)) });
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
