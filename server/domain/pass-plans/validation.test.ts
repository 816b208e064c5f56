import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import type { CreatePassPlanFormValues } from "./schemas";
import { electronicTopUpInput, inDays, printedGiftInput, promotionInput } from "./test-fixtures";
import { assertPlanSettings } from "./validation";
import { passValueFor } from "./value";

const now = new Date();

function refusalOf(run: () => void): DomainError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error("expected a refusal");
}

const fieldOf = (err: DomainError) => Object.keys((err.details?.fieldErrors as Record<string, unknown>) ?? {})[0];

const gift = (o: Partial<CreatePassPlanFormValues> = {}) => printedGiftInput("EUR", o);
const topUp = (o: Partial<CreatePassPlanFormValues> = {}) => electronicTopUpInput("EUR", o);
const promo = (o: Partial<CreatePassPlanFormValues> = {}) => promotionInput(o);
const variable = { valueMode: "VARIABLE", fixedValueMinor: null, minValueMinor: 1000, maxValueMinor: 5000 } as const;

describe("assertPlanSettings", () => {
  it("accepts a valid printed gift, electronic top-up and promotion plan", () => {
    for (const settings of [gift(), topUp(), promo(), promo({ promotionCodeMode: "SINGLE", maxPasses: 1, communicationTemplate: null })]) {
      expect(() => assertPlanSettings(settings, now)).not.toThrow();
    }
  });

  const refusals: [string, ReturnType<typeof gift>, string][] = [
    ["promotion + printed", promo({ distribution: "PRINTED", quantity: 10, communicationTemplate: null }), "distribution"],
    ["currency on promotion", promo({ currency: "EUR" }), "currency"],
    ["commerce pool on promotion", promo({ commercePoolId: "01900000-0000-7000-8000-000000000000" }), "commercePoolId"],
    ["value on promotion", promo({ valueMode: "FIXED" }), "valueMode"],
    ["fixed value on promotion", promo({ fixedValueMinor: 100 }), "fixedValueMinor"],
    ["value validity on promotion", promo({ valueValidityKind: "NEVER" }), "valueValidityKind"],
    ["SKUs on promotion", promo({ productSkus: ["SKU-1"] }), "productSkus"],
    ["families on promotion", promo({ productFamilyIds: ["01900000-0000-7000-8000-000000000000"] }), "productFamilyIds"],
    ["PIN on promotion", promo({ pinRequired: true }), "pinRequired"],
    ["duration validity on promotion", promo({ passValidityKind: "DURATION", passValidUntil: null, passValidityCount: 3, passValidityUnit: "DAY" }), "passValidityKind"],
    ["promotion without code mode", promo({ promotionCodeMode: null }), "promotionCodeMode"],
    ["single-code promotion with more than one pass", promo({ promotionCodeMode: "SINGLE", maxPasses: 2 }), "maxPasses"],
    ["gift without currency", gift({ currency: null }), "currency"],
    ["code mode on a gift", gift({ promotionCodeMode: "UNIQUE" }), "promotionCodeMode"],
    ["reward offer on a gift", gift({ linkedRewardOfferId: "01900000-0000-7000-8000-000000000000" }), "linkedRewardOfferId"],
    ["gift without value mode", gift({ valueMode: null }), "valueMode"],
    ["fixed without value", gift({ fixedValueMinor: null }), "fixedValueMinor"],
    ["fixed with a range", gift({ minValueMinor: 100 }), "minValueMinor"],
    ["variable with a fixed value", gift({ ...variable, fixedValueMinor: 100 }), "fixedValueMinor"],
    ["variable without min", gift({ ...variable, minValueMinor: null }), "minValueMinor"],
    ["variable without max", gift({ ...variable, maxValueMinor: null }), "maxValueMinor"],
    ["range min > max", gift({ ...variable, minValueMinor: 5001 }), "minValueMinor"],
    ["no value validity", gift({ valueValidityKind: null }), "valueValidityKind"],
    ["NEVER with a date", gift({ valueValidUntil: inDays(3) }), "valueValidUntil"],
    ["PERIOD without count", gift({ valueValidityKind: "PERIOD", valueValidityUnit: "MONTH" }), "valueValidityCount"],
    ["PERIOD without unit", gift({ valueValidityKind: "PERIOD", valueValidityCount: 6 }), "valueValidityUnit"],
    ["PERIOD with a date", gift({ valueValidityKind: "PERIOD", valueValidityCount: 6, valueValidityUnit: "MONTH", valueValidUntil: inDays(3) }), "valueValidUntil"],
    ["value DATE without date", gift({ valueValidityKind: "DATE" }), "valueValidUntil"],
    ["value DATE in the past", gift({ valueValidityKind: "DATE", valueValidUntil: inDays(-1) }), "valueValidUntil"],
    ["value DATE with a period", gift({ valueValidityKind: "DATE", valueValidUntil: inDays(5), valueValidityCount: 3 }), "valueValidityCount"],
    ["pass validity NONE with a date", gift({ passValidUntil: inDays(3) }), "passValidUntil"],
    ["pass validity DATE without date", gift({ passValidityKind: "DATE" }), "passValidUntil"],
    ["pass validity DATE in the past", gift({ passValidityKind: "DATE", passValidUntil: inDays(-1) }), "passValidUntil"],
    ["pass validity DATE with a duration", gift({ passValidityKind: "DATE", passValidUntil: inDays(9), passValidityUnit: "DAY" }), "passValidityUnit"],
    ["pass validity DURATION without count", gift({ passValidityKind: "DURATION", passValidityUnit: "DAY" }), "passValidityCount"],
    ["pass validity DURATION without unit", gift({ passValidityKind: "DURATION", passValidityCount: 30 }), "passValidityUnit"],
    ["pass validity DURATION with a date", gift({ passValidityKind: "DURATION", passValidityCount: 30, passValidityUnit: "DAY", passValidUntil: inDays(2) }), "passValidUntil"],
    ["MULTIPLE without N", gift({ usage: "MULTIPLE" }), "maxUses"],
    ["MULTIPLE with N = 1", gift({ usage: "MULTIPLE", maxUses: 1 }), "maxUses"],
    ["SINGLE with N", gift({ maxUses: 3 }), "maxUses"],
    ["printed without quantity", gift({ quantity: null }), "quantity"],
    ["maxPasses < quantity", gift({ maxPasses: 999 }), "maxPasses"],
    ["template on printed", gift({ communicationTemplate: { channels: ["SMS"], smsBody: "x" } }), "communicationTemplate"],
    ["quantity on electronic", topUp({ quantity: 10 }), "quantity"],
    ["webhook on electronic", topUp({ printingWebhookEnabled: true }), "printingWebhookEnabled"],
    ["template missing on electronic", topUp({ communicationTemplate: null }), "communicationTemplate.channels"],
    ["template without channel", topUp({ communicationTemplate: { channels: [] } }), "communicationTemplate.channels"],
    ["email without subject", topUp({ communicationTemplate: { channels: ["EMAIL"], emailBody: "b" } }), "communicationTemplate.emailSubject"],
    ["email without body", topUp({ communicationTemplate: { channels: ["EMAIL"], emailSubject: "s" } }), "communicationTemplate.emailBody"],
    ["SMS without text", topUp({ communicationTemplate: { channels: ["SMS"], emailSubject: "s" } }), "communicationTemplate.smsBody"],
    ["unique promotion codes without template", promo({ communicationTemplate: null }), "communicationTemplate.channels"],
  ];

  it.each(refusals)("refuses %s, naming the field", (_name, settings, field) => {
    const err = refusalOf(() => assertPlanSettings(settings, now));
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(fieldOf(err)).toBe(field);
    expect(err.message).toBeTruthy();
  });
});

describe("code space guard", () => {
  const numeric = (length: number, maxPasses: number) =>
    gift({ passcodeFormat: { charset: "NUMERIC", length }, quantity: 1, maxPasses });

  it("accepts exactly one million codes per pass and refuses one pass more", () => {
    expect(() => assertPlanSettings(numeric(9, 1000), now)).not.toThrow();
    const err = refusalOf(() => assertPlanSettings(numeric(9, 1001), now));
    expect(err.code).toBe("CODE_SPACE_TOO_SMALL");
    expect(fieldOf(err)).toBe("passcodeFormat.length");
    expect(err.message).toBe(
      "The passcode format holds 1,000,000,000 codes, but 1,001 passes need 1,001,000,000 (one million per pass): use at least 10 random numeric characters.",
    );
    expect(err.details).toMatchObject({ minimumLength: 10, holds: "1000000000", needed: "1001000000" });
  });

  it("needs 6 digits for a single pass and 4 alphanumeric characters (32^4 > 10^6)", () => {
    expect(() => assertPlanSettings(numeric(6, 1), now)).not.toThrow();
    expect(refusalOf(() => assertPlanSettings(numeric(5, 1), now)).details?.minimumLength).toBe(6);
    const alnum = (length: number, maxPasses: number) => gift({ passcodeFormat: { charset: "ALPHANUMERIC", length }, quantity: 1, maxPasses });
    expect(() => assertPlanSettings(alnum(4, 1), now)).not.toThrow();
    expect(refusalOf(() => assertPlanSettings(alnum(4, 2), now)).details?.minimumLength).toBe(5);
  });

  it("sizes the space for maxPasses, not the first lot's quantity", () => {
    const err = refusalOf(() => assertPlanSettings(gift({ passcodeFormat: { charset: "NUMERIC", length: 12 }, quantity: 1000, maxPasses: 2_000_000 }), now));
    expect(err.details?.minimumLength).toBe(13);
  });
});

describe("passValueFor", () => {
  const fixed = { type: "GIFT", valueMode: "FIXED", fixedValueMinor: 2500, minValueMinor: null, maxValueMinor: null } as const;
  const ranged = { type: "GIFT", valueMode: "VARIABLE", fixedValueMinor: null, minValueMinor: 1000, maxValueMinor: 5000 } as const;

  it("takes a fixed plan's value, or a variable value inside the range (inclusive)", () => {
    expect(passValueFor(fixed, undefined)).toBe(2500);
    expect(passValueFor(ranged, 1000)).toBe(1000);
    expect(passValueFor(ranged, 5000)).toBe(5000);
  });

  it("refuses a value outside the range, a missing one and a different fixed value", () => {
    expect(fieldOf(refusalOf(() => passValueFor(ranged, 999)))).toBe("valueMinor");
    expect(refusalOf(() => passValueFor(ranged, 5001)).message).toBe("The value is outside the plan's range.");
    expect(refusalOf(() => passValueFor(ranged, null)).code).toBe("VALIDATION_FAILED");
    expect(refusalOf(() => passValueFor(fixed, 2400)).code).toBe("VALIDATION_FAILED");
    expect(refusalOf(() => passValueFor({ ...fixed, type: "PROMOTION" }, 10)).code).toBe("VALIDATION_FAILED");
  });
});
