import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { contacts, lots, passes, passPlans, passRedemptions } from "@/db/schema";
import type { DomainContext } from "../../context";
import { notFound } from "../../errors";
import { passSnapshot, type PassView } from "../actions/pass-row";
import type { PassIdInput } from "../actions/schemas";

export interface PassDetail extends PassView {
  plan: Pick<typeof passPlans.$inferSelect, "id" | "name" | "type" | "distribution" | "valueMode" | "minValueMinor" | "maxValueMinor" | "otpRequired">;
  lot: { id: string; number: number; kind: "PRINTED" | "ON_DEMAND" };
  recipient: { email: string | null; phone: string | null; name: string | null };
  contact: { id: string; name: string | null } | null;
  issuedAt: Date;
  activatedAt: Date | null;
  redeemedAt: Date | null;
  cancelledAt: Date | null;
  expiredAt: Date | null;
  replacesPassId: string | null;
  /** The pass issued in place of this one when it was reported lost. */
  replacedByPassId: string | null;
  /** The latest value redemption not rolled back: the one support may roll back (D6). */
  latestRedemption: { id: string; amountMinor: number; currency: string | null; createdAt: Date } | null;
}

/** One pass as the back office shows it: masked code, plan, lot, values, uses, dates, owner. */
export async function getPassDetail(ctx: DomainContext, input: PassIdInput): Promise<PassDetail> {
  const [row] = await ctx.db
    .select({
      pass: passes,
      plan: {
        id: passPlans.id,
        name: passPlans.name,
        type: passPlans.type,
        distribution: passPlans.distribution,
        valueMode: passPlans.valueMode,
        minValueMinor: passPlans.minValueMinor,
        maxValueMinor: passPlans.maxValueMinor,
        otpRequired: passPlans.otpRequired,
      },
      lot: { id: lots.id, number: lots.number, kind: lots.kind },
      contact: { id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName },
    })
    .from(passes)
    .innerJoin(passPlans, eq(passPlans.id, passes.planId))
    .innerJoin(lots, eq(lots.id, passes.lotId))
    .leftJoin(contacts, eq(contacts.id, passes.contactId))
    .where(eq(passes.id, input.passId));
  if (!row) throw notFound("Pass");
  const { pass, contact } = row;
  const [replacement] = await ctx.db.select({ id: passes.id }).from(passes).where(eq(passes.replacesPassId, pass.id)).limit(1);
  const [latest] = await ctx.db
    .select({ id: passRedemptions.id, amountMinor: passRedemptions.amountMinor, currency: passRedemptions.currency, createdAt: passRedemptions.createdAt })
    .from(passRedemptions)
    .where(and(eq(passRedemptions.passId, pass.id), isNotNull(passRedemptions.amountMinor), isNull(passRedemptions.reversedAt)))
    .orderBy(desc(passRedemptions.createdAt), desc(passRedemptions.id))
    .limit(1);
  const contactName = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null : null;
  return {
    ...passSnapshot(pass),
    plan: row.plan,
    lot: row.lot,
    recipient: { email: pass.recipientEmail, phone: pass.recipientPhone, name: pass.recipientName },
    contact: contact ? { id: contact.id, name: contactName } : null,
    issuedAt: pass.issuedAt,
    activatedAt: pass.activatedAt,
    redeemedAt: pass.redeemedAt,
    cancelledAt: pass.cancelledAt,
    expiredAt: pass.expiredAt,
    replacesPassId: pass.replacesPassId,
    replacedByPassId: replacement?.id ?? null,
    latestRedemption: latest ? { id: latest.id, amountMinor: latest.amountMinor!, currency: latest.currency, createdAt: latest.createdAt } : null,
  };
}
