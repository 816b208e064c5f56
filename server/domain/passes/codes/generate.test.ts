import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasValidCheckCharacter } from "./check-character";
import { matchesFormat, passcodeFormatSchema } from "./format";
import { generateCode, generateCodes } from "./generate";
import { formatArb } from "./test-formats";

describe("generateCode", () => {
  it("always matches its format, with a valid check character when asked", () => {
    fc.assert(
      fc.property(formatArb(), (format) => {
        const code = generateCode(format);
        expect(matchesFormat(format, code)).toBe(true);
        if (format.checkCharacter) expect(hasValidCheckCharacter(format.charset, code)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it("draws digits uniformly: no modulo bias (chi-square, 9 degrees of freedom)", () => {
    const format = passcodeFormatSchema.parse({ charset: "NUMERIC", length: 32 });
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) {
      for (const digit of generateCode(format)) counts[Number(digit)]!++;
    }
    const expected = (50_000 * 32) / 10;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // p = 1e-6 for 9 degrees of freedom; plain `byte % 10` would score about 600.
    expect(chiSquare).toBeLessThan(45);
  });
});

describe("generateCodes", () => {
  it.each([
    // 1e11 possible codes for 1e5 passes: about a 5% chance of a repeat without deduplication.
    { charset: "NUMERIC", length: 11, checkCharacter: true },
    { charset: "ALPHANUMERIC", length: 8, prefix: "GC" },
  ] as const)("never repeats within a batch of 100k (%o)", (input) => {
    const format = passcodeFormatSchema.parse(input);
    const codes = generateCodes(format, 100_000);
    expect(codes).toHaveLength(100_000);
    expect(new Set(codes).size).toBe(100_000);
    expect(codes.every((code) => matchesFormat(format, code))).toBe(true);
  });

  it("refuses to draw more codes than the format holds safely", () => {
    const format = passcodeFormatSchema.parse({ charset: "NUMERIC", length: 8 });
    expect(() => generateCodes(format, 101)).toThrow(
      expect.objectContaining({ code: "CODE_SPACE_TOO_SMALL" }),
    );
    expect(generateCodes(format, 100)).toHaveLength(100);
  });
});
