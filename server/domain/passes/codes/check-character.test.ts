import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/domain/errors";
import {
  checkCharacterFor,
  checkSchemes,
  hasValidCheckCharacter,
  verifyCheckCharacter,
} from "./check-character";
import { passcodeAlphabets, passcodeCharsets, passcodeFormatSchema } from "./format";
import { generateCode } from "./generate";
import { charsetArb, formatArb, textOfCharset } from "./test-formats";

/** Every code one substitution or one adjacent transposition away from `code`. */
function* typosOf(code: string, alphabet: string) {
  for (let i = 0; i < code.length; i++) {
    for (const char of alphabet) {
      if (char !== code[i]) yield code.slice(0, i) + char + code.slice(i + 1);
    }
    if (i + 1 < code.length && code[i] !== code[i + 1]) {
      yield code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    }
  }
}

describe.each(passcodeCharsets)("the %s quasigroup", (charset) => {
  const { table } = checkSchemes[charset];
  const order = passcodeAlphabets[charset].length;

  it("is a Latin square of the alphabet's order", () => {
    expect(table).toHaveLength(order);
    for (let i = 0; i < order; i++) {
      expect(new Set(table[i]).size).toBe(order);
      expect(new Set(table.map((row) => row[i])).size).toBe(order);
    }
  });

  it("is totally anti-symmetric (checked exhaustively)", () => {
    let violations = 0;
    for (let c = 0; c < order; c++) {
      for (let x = 0; x < order; x++) {
        for (let y = 0; y < order; y++) {
          if (x !== y && table[table[c]![x]!]![y] === table[table[c]![y]!]![x]) violations++;
        }
      }
    }
    expect(violations).toBe(0);
  });
});

describe("check character", () => {
  it("matches the published Damm example", () => {
    expect(checkCharacterFor("NUMERIC", "572")).toBe("4");
    expect(hasValidCheckCharacter("NUMERIC", "5724")).toBe(true);
  });

  it("catches every single substitution and adjacent transposition of any text", () => {
    fc.assert(
      fc.property(
        charsetArb.chain((charset) =>
          fc.tuple(fc.constant(charset), textOfCharset(charset, 1, 48)),
        ),
        ([charset, body]) => {
          const code = body + checkCharacterFor(charset, body);
          expect(hasValidCheckCharacter(charset, code)).toBe(true);
          for (const typo of typosOf(code, passcodeAlphabets[charset])) {
            if (hasValidCheckCharacter(charset, typo))
              throw new Error(`undetected typo ${typo} of ${code}`);
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("catches every single substitution and adjacent transposition of codes of random formats", () => {
    fc.assert(
      fc.property(formatArb({ checkCharacter: true }), (format) => {
        const code = generateCode(format);
        for (const typo of typosOf(code, passcodeAlphabets[format.charset])) {
          if (hasValidCheckCharacter(format.charset, typo))
            throw new Error(`undetected typo ${typo} of ${code}`);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("lets verifyCheckCharacter refuse a typo of a generated code, before any lookup", () => {
    fc.assert(
      fc.property(formatArb({ checkCharacter: true }), fc.nat(), (format, pick) => {
        const code = generateCode(format);
        verifyCheckCharacter(format, code);
        const typos = [...typosOf(code, passcodeAlphabets[format.charset])];
        const typo = typos[pick % typos.length]!;
        expect(() => verifyCheckCharacter(format, typo)).toThrow(DomainError);
      }),
      { numRuns: 5_000 },
    );
  });

  it("refuses with one message that says nothing about existing codes", () => {
    const format = passcodeFormatSchema.parse({
      charset: "NUMERIC",
      length: 12,
      checkCharacter: true,
    });
    const code = generateCode(format);
    const wrongCheck = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    const refusals = [wrongCheck, code.slice(1), `${code}7`, code.replace(/.$/, "A")].map(
      (input) => {
        try {
          verifyCheckCharacter(format, input);
        } catch (error) {
          return error;
        }
        throw new Error(`accepted ${input}`);
      },
    );
    for (const error of refusals) {
      expect(error).toMatchObject({
        code: "INVALID_CHECK_CHARACTER",
        message: "This code contains a typo. Please check it and try again.",
      });
    }
  });

  it("accepts any code when the format has no check character", () => {
    const format = passcodeFormatSchema.parse({ charset: "NUMERIC", length: 12 });
    expect(() => verifyCheckCharacter(format, "anything")).not.toThrow();
  });
});
