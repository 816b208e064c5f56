import { z } from "zod";
import { DomainError } from "@/server/domain/errors";

/**
 * The characters of each charset. ALPHANUMERIC leaves out 0/O and 1/I so a code read off a card
 * or a phone screen cannot be mistyped between look-alikes; it has exactly 32 characters.
 */
export const passcodeAlphabets = {
  NUMERIC: "0123456789",
  ALPHANUMERIC: "23456789ABCDEFGHJKLMNPQRSTUVWXYZ",
} as const;

export const passcodeCharsets = ["NUMERIC", "ALPHANUMERIC"] as const;
export type PasscodeCharset = (typeof passcodeCharsets)[number];

export const passcodeLengthLimits = { min: 4, max: 32 } as const;
export const passcodeAffixMaxLength = 8;

/**
 * Prefix and suffix use only the charset's own characters: that keeps them unambiguous and lets
 * the check character cover them with the same algorithm as the random part.
 */
const affixSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(passcodeAffixMaxLength, `At most ${passcodeAffixMaxLength} characters.`)
  .default("");

export const passcodeFormatSchema = z
  .object({
    charset: z.enum(passcodeCharsets),
    /** Number of random characters; prefix, suffix and check character come on top. */
    length: z
      .number()
      .int()
      .min(passcodeLengthLimits.min, `At least ${passcodeLengthLimits.min} random characters.`)
      .max(passcodeLengthLimits.max, `At most ${passcodeLengthLimits.max} random characters.`),
    prefix: affixSchema,
    suffix: affixSchema,
    /** A last character that lets a typo be refused before any lookup. */
    checkCharacter: z.boolean().default(false),
  })
  .superRefine((format, ctx) => {
    for (const field of ["prefix", "suffix"] as const) {
      if (!isInAlphabet(format.charset, format[field])) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: `Use only the characters of the ${charsetLabel(format.charset)} charset: ${passcodeAlphabets[format.charset]}.`,
        });
      }
    }
  });

export type PasscodeFormat = z.output<typeof passcodeFormatSchema>;
export type PasscodeFormatInput = z.input<typeof passcodeFormatSchema>;

const charsetLabel = (charset: PasscodeCharset) => charset.toLowerCase();

function isInAlphabet(charset: PasscodeCharset, text: string): boolean {
  const alphabet = passcodeAlphabets[charset];
  for (const char of text) if (!alphabet.includes(char)) return false;
  return true;
}

/** Full length of a code: prefix + random part + suffix + check character. */
export const codeLength = (format: PasscodeFormat) =>
  format.prefix.length + format.length + format.suffix.length + (format.checkCharacter ? 1 : 0);

/** Number of distinct codes the format can produce: only the random part varies. */
export function codeSpaceSize(format: PasscodeFormat): bigint {
  return BigInt(passcodeAlphabets[format.charset].length) ** BigInt(format.length);
}

/** A guess may hit a live code with a probability of at most one in this many. */
export const guessResistance = 1_000_000n;

export interface CodeSpaceReport {
  /** Distinct codes the format can produce. */
  holds: bigint;
  /** Codes needed for the passes: one million per pass. */
  needed: bigint;
  sufficient: boolean;
  /** The least random length of this charset that holds the passes (the current one when it does). */
  minimumLength: number;
}

/** How the format's code space compares with what `maxPasses` passes need (forms show it live). */
export function codeSpaceReport(format: PasscodeFormat, maxPasses: number): CodeSpaceReport {
  if (!Number.isSafeInteger(maxPasses) || maxPasses < 1) {
    throw new RangeError(`maxPasses must be a positive integer, got ${maxPasses}`);
  }
  const holds = codeSpaceSize(format);
  const needed = guessResistance * BigInt(maxPasses);
  const base = BigInt(passcodeAlphabets[format.charset].length);
  let minimumLength = format.length;
  while (base ** BigInt(minimumLength) < needed) minimumLength++;
  return { holds, needed, sufficient: holds >= needed, minimumLength };
}

/**
 * Refuses a format that cannot hold `maxPasses` codes safely: the code space must be at least
 * one million times the number of passes the plan may ever issue, so that one guess has at most
 * a one-in-a-million chance of hitting a live code.
 */
export function assertCodeSpace(format: PasscodeFormat, maxPasses: number): void {
  const report = codeSpaceReport(format, maxPasses);
  if (report.sufficient) return;
  const field = "passcodeFormat.length";
  const message =
    `The passcode format holds ${report.holds.toLocaleString("en")} codes, but ` +
    `${maxPasses.toLocaleString("en")} passes need ${report.needed.toLocaleString("en")} ` +
    `(one million per pass): use at least ${report.minimumLength} random ${charsetLabel(format.charset)} characters.`;
  throw new DomainError("CODE_SPACE_TOO_SMALL", message, {
    field,
    minimumLength: report.minimumLength,
    holds: report.holds.toString(),
    needed: report.needed.toString(),
    fieldErrors: { [field]: [message] },
  });
}

/** Canonical form of a typed or pasted code: upper case, without spaces or dashes of any kind. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015\u2212]/g, "").toUpperCase();
}

/**
 * Whether a normalized code has the shape of the format (prefix, random characters of the
 * charset, suffix, room for the check character). It does not verify the check character.
 */
export function matchesFormat(format: PasscodeFormat, code: string): boolean {
  if (code.length !== codeLength(format)) return false;
  if (!code.startsWith(format.prefix)) return false;
  const randomEnd = format.prefix.length + format.length;
  if (!code.startsWith(format.suffix, randomEnd)) return false;
  const random = code.slice(format.prefix.length, randomEnd);
  const check = code.slice(randomEnd + format.suffix.length);
  return isInAlphabet(format.charset, random) && isInAlphabet(format.charset, check);
}
