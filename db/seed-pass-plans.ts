import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { createCurrency, getCurrency } from "@/server/domain/network/currencies";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { createPassPlanSchema } from "@/server/domain/pass-plans/schemas";
import { activatePassPlan } from "@/server/domain/pass-plans/states";

/** The euro, created when the demo network does not have it yet. */
async function ensureEuro(ctx: DomainContext) {
  try {
    await getCurrency(ctx, { code: "EUR" });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== "NOT_FOUND") throw err;
    await createCurrency(ctx, { code: "EUR", name: "Euro", minorUnits: 2, isBusinessCurrency: false });
  }
}

/** Demo pass plans: a printed gift card still in draft and an electronic top-up that is live. */
export async function seedDemoPassPlans(ctx: DomainContext): Promise<void> {
  await ensureEuro(ctx);
  await createPassPlan(
    ctx,
    createPassPlanSchema.parse({
      name: "Gift card €25",
      description: "Printed gift cards sold in every venue.",
      type: "GIFT",
      distribution: "PRINTED",
      currency: "EUR",
      valueMode: "FIXED",
      fixedValueMinor: 2500,
      valueValidityKind: "PERIOD",
      valueValidityCount: 12,
      valueValidityUnit: "MONTH",
      passcodeFormat: { charset: "NUMERIC", length: 12, prefix: "77", checkCharacter: true },
      quantity: 1000,
      maxPasses: 10000,
      printingWebhookEnabled: true,
    }),
  );
  const topUp = await createPassPlan(
    ctx,
    createPassPlanSchema.parse({
      name: "eGift top-up",
      description: "Electronic top-ups of €10 to €200, sent by email.",
      type: "TOP_UP",
      distribution: "ELECTRONIC",
      currency: "EUR",
      valueMode: "VARIABLE",
      minValueMinor: 1000,
      maxValueMinor: 20000,
      valueValidityKind: "NEVER",
      passValidityKind: "DURATION",
      passValidityCount: 6,
      passValidityUnit: "MONTH",
      usage: "MULTIPLE",
      maxUses: 5,
      passcodeFormat: { charset: "ALPHANUMERIC", length: 10, checkCharacter: true },
      maxPasses: 100000,
      communicationTemplate: {
        channels: ["EMAIL"],
        emailSubject: "Your Tessera eGift",
        emailBody: "Hello {{name}}, your eGift of {{value}} has the code {{code}}. It is valid until {{expiry}}.",
      },
    }),
  );
  await activatePassPlan(ctx, { id: topUp.id });
}
