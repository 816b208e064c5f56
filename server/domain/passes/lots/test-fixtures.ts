import { eq } from "drizzle-orm";
import { lots, passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { newId } from "../../ids";
import { passcodeFormatSchema } from "../codes/format";
import { requestLotGeneration } from "./request";

export interface PrintedPlanFixture {
  quantity: number;
  maxPasses?: number;
  printingWebhookEnabled?: boolean;
}

/**
 * An ACTIVE printed gift plan with its first lot PENDING and its generation requested, as plan
 * activation leaves them (the pass-plans module owns activation; this stands in for it in tests
 * and the benchmark).
 */
export async function activePrintedPlan(ctx: DomainContext, fixture: PrintedPlanFixture) {
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const [plan] = await db
      .insert(passPlans)
      .values({
        id: newId(),
        name: `Printed gift ${newId().slice(-12)}`,
        type: "GIFT",
        distribution: "PRINTED",
        state: "ACTIVE",
        currency: "EUR",
        valueMode: "FIXED",
        fixedValueMinor: 2_500,
        passValidityKind: "DURATION",
        passValidityCount: 12,
        passValidityUnit: "MONTH",
        valueValidityKind: "NEVER",
        passcodeFormat: passcodeFormatSchema.parse({ charset: "NUMERIC", length: 16, checkCharacter: true }),
        maxPasses: fixture.maxPasses ?? fixture.quantity * 10,
        quantity: fixture.quantity,
        printingWebhookEnabled: fixture.printingWebhookEnabled ?? false,
      })
      .returning();
    const [lot] = await db.insert(lots).values({ id: newId(), planId: plan!.id, number: 1, kind: "PRINTED", quantity: fixture.quantity }).returning();
    await requestLotGeneration(tx, lot!.id);
    return { plan: plan!, lot: lot! };
  });
}

export async function lotRow(ctx: DomainContext, lotId: string) {
  const [lot] = await ctx.db.select().from(lots).where(eq(lots.id, lotId));
  return lot!;
}

export async function planRow(ctx: DomainContext, planId: string) {
  const [plan] = await ctx.db.select().from(passPlans).where(eq(passPlans.id, planId));
  return plan!;
}
