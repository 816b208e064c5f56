import { DomainError } from "./errors";

/** An amount of money: integer minor units of one ISO 4217 currency. Never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export function assertSafeMinor(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError("VALIDATION_FAILED", "Amount is out of range.", { amountMinor });
  }
  return amountMinor;
}

export function money(amountMinor: number, currency: string): Money {
  return { amountMinor: assertSafeMinor(amountMinor), currency };
}

function assertSameCurrency(a: Money, b: Money) {
  if (a.currency !== b.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `Cannot combine ${a.currency} with ${b.currency}.`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string ("12.50") into minor units with string arithmetic, so "0.1" + "0.2"
 * never meets binary floating point. More decimals than the currency has are refused, not rounded.
 */
export function parseDecimalToMinor(input: string, minorUnits: number): number {
  const match = decimalPattern.exec(input.trim());
  if (!match) throw new DomainError("VALIDATION_FAILED", `"${input}" is not an amount.`);
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > minorUnits) {
    throw new DomainError("VALIDATION_FAILED", `Use at most ${minorUnits} decimal places.`);
  }
  const digits = whole + fraction.padEnd(minorUnits, "0");
  const value = Number(BigInt(digits) * (sign ? -1n : 1n));
  return assertSafeMinor(value);
}

/** The exact decimal string of an amount in minor units ("1250" with 2 digits → "12.50"). */
export function minorToDecimal(amountMinor: number, minorUnits: number): string {
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(minorUnits + 1, "0");
  const whole = digits.slice(0, digits.length - minorUnits);
  const fraction = digits.slice(digits.length - minorUnits);
  return `${negative ? "-" : ""}${whole}${minorUnits > 0 ? `.${fraction}` : ""}`;
}

/** Formats for people at the UI edge; the digits come from minorToDecimal, never a division. */
export function formatMoney(m: Money, minorUnits = 2, locale = "en-GB"): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  });
  return formatter.format(minorToDecimal(m.amountMinor, minorUnits) as unknown as number);
}

/**
 * Converts with an exact decimal rate (e.g. "1.0845"), rounding half away from zero to the
 * target's minor units. The one FX rounding rule of the system.
 */
export function convertMinor(amountMinor: number, rate: string, fromMinorUnits: number, toMinorUnits: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new DomainError("VALIDATION_FAILED", `"${rate}" is not an exchange rate.`);
  const [, whole = "0", fraction = ""] = match;
  const rateScaled = BigInt(whole + fraction);
  const rateScale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(amountMinor) * rateScaled * 10n ** BigInt(toMinorUnits);
  const denominator = rateScale * 10n ** BigInt(fromMinorUnits);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (2n * denominator);
  return assertSafeMinor(Number(negative ? -rounded : rounded));
}
