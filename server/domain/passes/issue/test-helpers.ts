import { eq } from "drizzle-orm";
import { messages, passes, type passPlans } from "@/db/schema";
import type { DomainContext } from "../../context";
import { openContent } from "../../messages/content";
import { testPlan } from "../test-fixtures";

type PlanRow = typeof passPlans.$inferInsert;

/** Test-only: an ACTIVE electronic variable gift plan (10.00–100.00 EUR, 90 days) sending by email and SMS. */
export function electronicPlan(ctx: DomainContext, overrides: Partial<PlanRow> = {}) {
  return testPlan(ctx, {
    valueMode: "VARIABLE",
    fixedValueMinor: null,
    minValueMinor: 1_000,
    maxValueMinor: 10_000,
    passValidityKind: "DURATION",
    passValidityCount: 90,
    passValidityUnit: "DAY",
    communicationTemplate: {
      channels: ["EMAIL", "SMS"],
      emailSubject: "A gift for {{name}}",
      emailBody: "Hello {{name}}, your code {{code}} is worth {{value}} until {{expiry}}.",
      smsBody: "Gift code {{code}} ({{value}})",
    },
    ...overrides,
  });
}

export async function storedPass(ctx: DomainContext, passId: string) {
  const [pass] = await ctx.db.select().from(passes).where(eq(passes.id, passId));
  return pass!;
}

/** The messages of a pass with their content opened, as only the delivery would see it. */
export async function openedMessagesOf(ctx: DomainContext, passId: string) {
  const rows = await ctx.db.select().from(messages).where(eq(messages.passId, passId)).orderBy(messages.createdAt, messages.id);
  return rows.map((row) => ({ ...row, content: openContent(row.contentCiphertext) }));
}

/** The code a delivered message carries, read back from its body (test templates say "code X "). */
export const codeIn = (body: string) => /code (\S+)/.exec(body)?.[1] ?? "";

export const passesOfPlan = (ctx: DomainContext, planId: string) => ctx.db.select().from(passes).where(eq(passes.planId, planId));
