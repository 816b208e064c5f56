import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/domain/errors";
import {
  assertCodeSpace,
  codeLength,
  codeSpaceSize,
  guessResistance,
  matchesFormat,
  normalizeCode,
  passcodeAlphabets,
  passcodeFormatSchema,
} from "./format";
import { charsetArb } from "./test-formats";

const format = (input: Parameters<typeof passcodeFormatSchema.parse>[0]) =>
  passcodeFormatSchema.parse(input);

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("passcodeFormatSchema", () => {
  it("has 32 unambiguous alphanumeric characters", () => {
    const alphabet = passcodeAlphabets.ALPHANUMERIC;
    expect(new Set(alphabet).size).toBe(32);
    for (const ambiguous of "0O1I") expect(alphabet).not.toContain(ambiguous);
  });

  it("fills defaults and upper-cases prefix and suffix", () => {
    expect(format({ charset: "ALPHANUMERIC", length: 10, prefix: " gc ", suffix: "x" })).toEqual({
      charset: "ALPHANUMERIC",
      length: 10,
      prefix: "GC",
      suffix: "X",
      checkCharacter: false,
    });
  });

  it.each([
    [{ charset: "NUMERIC", length: 10, prefix: "GC" }, "prefix"],
    [{ charset: "ALPHANUMERIC", length: 10, prefix: "GIFT" }, "prefix"],
    [{ charset: "ALPHANUMERIC", length: 10, suffix: "A-1" }, "suffix"],
    [{ charset: "NUMERIC", length: 10, suffix: "123456789" }, "suffix"],
    [{ charset: "NUMERIC", length: 3 }, "length"],
    [{ charset: "NUMERIC", length: 33 }, "length"],
    [{ charset: "NUMERIC", length: 10.5 }, "length"],
    [{ charset: "HEX", length: 10 }, "charset"],
  ])("refuses %o naming %s", (input, field) => {
    const result = passcodeFormatSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors).toHaveProperty(field);
  });
});

describe("codeSpaceSize", () => {
  it("counts only the random part", () => {
    expect(
      codeSpaceSize(format({ charset: "NUMERIC", length: 12, prefix: "77", checkCharacter: true })),
    ).toBe(10n ** 12n);
    expect(codeSpaceSize(format({ charset: "ALPHANUMERIC", length: 32 }))).toBe(2n ** 160n);
  });
});

describe("assertCodeSpace", () => {
  it("accepts exactly one million codes per pass and refuses one pass more", () => {
    const numeric = format({ charset: "NUMERIC", length: 12 });
    expect(() => assertCodeSpace(numeric, 1_000_000)).not.toThrow();
    const error = refusal(() => assertCodeSpace(numeric, 1_000_001));
    expect(error.code).toBe("CODE_SPACE_TOO_SMALL");
    expect(error.details).toMatchObject({
      field: "passcodeFormat.length",
      minimumLength: 13,
      fieldErrors: { "passcodeFormat.length": [expect.stringContaining("at least 13")] },
    });
  });

  it("needs 6 digits or 4 alphanumeric characters for a single pass", () => {
    expect(
      refusal(() => assertCodeSpace(format({ charset: "NUMERIC", length: 5 }), 1)).details
        ?.minimumLength,
    ).toBe(6);
    expect(() => assertCodeSpace(format({ charset: "NUMERIC", length: 6 }), 1)).not.toThrow();
    expect(() => assertCodeSpace(format({ charset: "ALPHANUMERIC", length: 4 }), 1)).not.toThrow();
  });

  it("refuses a pass count that is not a positive integer", () => {
    expect(() => assertCodeSpace(format({ charset: "NUMERIC", length: 12 }), 0)).toThrow(
      RangeError,
    );
  });

  it("accepts iff the space holds a million codes per pass, else names the least length that does", () => {
    fc.assert(
      fc.property(
        charsetArb,
        fc.integer({ min: 4, max: 32 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (charset, length, maxPasses) => {
          const candidate = format({ charset, length });
          const needed = guessResistance * BigInt(maxPasses);
          if (codeSpaceSize(candidate) >= needed) {
            assertCodeSpace(candidate, maxPasses);
            return;
          }
          const minimumLength = refusal(() => assertCodeSpace(candidate, maxPasses)).details
            ?.minimumLength;
          if (typeof minimumLength !== "number") throw new Error("minimumLength missing");
          const base = BigInt(passcodeAlphabets[charset].length);
          expect(base ** BigInt(minimumLength) >= needed).toBe(true);
          expect(base ** BigInt(minimumLength - 1) < needed).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("accepts the largest pass count of every format and refuses the next one", () => {
    fc.assert(
      fc.property(charsetArb, fc.integer({ min: 4, max: 32 }), (charset, length) => {
        const candidate = format({ charset, length });
        const largest = codeSpaceSize(candidate) / guessResistance;
        fc.pre(largest >= 1n && largest < BigInt(Number.MAX_SAFE_INTEGER));
        expect(() => assertCodeSpace(candidate, Number(largest))).not.toThrow();
        expect(refusal(() => assertCodeSpace(candidate, Number(largest) + 1)).code).toBe(
          "CODE_SPACE_TOO_SMALL",
        );
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("normalizeCode", () => {
  it.each([
    ["  ab12-cd34 ", "AB12CD34"],
    ["1234 5678 9012", "123456789012"],
    ["gc–7k2m—9x", "GC7K2M9X"],
    ["gc\u00a07k2m\t9x\n", "GC7K2M9X"],
    ["ALREADY", "ALREADY"],
    ["", ""],
  ])("%j becomes %j", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
});

describe("matchesFormat", () => {
  const gift = format({
    charset: "ALPHANUMERIC",
    length: 6,
    prefix: "GC",
    suffix: "Z",
    checkCharacter: true,
  });

  it("checks prefix, charset, suffix and length", () => {
    expect(codeLength(gift)).toBe(10);
    expect(matchesFormat(gift, "GC7K2M9XZA")).toBe(true);
    expect(matchesFormat(gift, "GD7K2M9XZA")).toBe(false);
    expect(matchesFormat(gift, "GC7K2M9XYA")).toBe(false);
    expect(matchesFormat(gift, "GC7K2M0XZA")).toBe(false);
    expect(matchesFormat(gift, "GC7K2M9XZ")).toBe(false);
    expect(matchesFormat(gift, "GC7K2M9XZAA")).toBe(false);
    expect(matchesFormat(gift, "GC7K2M9XZ1")).toBe(false);
    expect(matchesFormat(gift, "gc7k2m9xza")).toBe(false);
  });
});
