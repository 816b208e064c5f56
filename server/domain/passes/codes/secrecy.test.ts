import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyedHash } from "@/server/domain/keyed-hash";
import { passcodeFormatSchema } from "./format";
import { generateCode } from "./generate";
import { hashPin } from "./pin";
import {
  decryptCode,
  encryptCode,
  hashCode,
  hashesEqual,
  isCodeHash,
  lookupHash,
  maskCode,
} from "./secrecy";
import { formatArb } from "./test-formats";

describe("hashCode", () => {
  it("is stable, 64 hex characters, and different per key purpose", () => {
    fc.assert(
      fc.property(formatArb(), (format) => {
        const code = generateCode(format);
        const hash = hashCode(code);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hashCode(code)).toBe(hash);
        expect(hash).not.toBe(keyedHash("api-key", code));
        expect(hash).not.toBe(keyedHash("otp", code));
        expect(hash).not.toBe(hashPin("pass", code));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("lookupHash and isCodeHash", () => {
  const code = "GC7K2M9XZA";

  it("hashes a code as typed, after normalising it", () => {
    expect(isCodeHash(" gc7k-2m9x za ")).toBe(false);
    expect(lookupHash(" gc7k-2m9x za ")).toBe(hashCode(code));
  });

  it("takes a hash as it is, in either case", () => {
    const hash = hashCode(code);
    expect(isCodeHash(hash)).toBe(true);
    expect(isCodeHash(` ${hash.toUpperCase()} `)).toBe(true);
    expect(lookupHash(hash.toUpperCase())).toBe(hash);
  });

  it.each(["", "abc", "g".repeat(64), "a".repeat(63), "a".repeat(65)])(
    "does not take %j for a hash",
    (input) => {
      expect(isCodeHash(input)).toBe(false);
    },
  );
});

describe("hashesEqual", () => {
  it("compares hex hashes", () => {
    const hash = hashCode("123456");
    expect(hashesEqual(hash, hashCode("123456"))).toBe(true);
    expect(hashesEqual(hash, hashCode("123457"))).toBe(false);
    expect(hashesEqual(hash, hash.slice(0, 62))).toBe(false);
    expect(hashesEqual("", "")).toBe(false);
  });
});

describe("encryptCode / decryptCode", () => {
  it("round-trips every code", () => {
    fc.assert(
      fc.property(formatArb(), (format) => {
        const code = generateCode(format);
        const ciphertext = encryptCode(code);
        expect(ciphertext).toMatch(/^k[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
        expect(decryptCode(ciphertext)).toBe(code);
      }),
      { numRuns: 2_000 },
    );
  });

  it("uses a fresh IV each time and does not show the code", () => {
    const ciphertext = encryptCode("123456789012");
    expect(ciphertext).not.toContain("123456789012");
    expect(encryptCode("123456789012")).not.toBe(ciphertext);
  });

  it("refuses a ciphertext with any bit flipped", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), (position, bit) => {
        const [keyId, payload] = encryptCode("GC7K2M9XZA").split(":") as [string, string];
        const bytes = Buffer.from(payload, "base64");
        bytes[position % bytes.length]! ^= 1 << bit;
        expect(() => decryptCode(`${keyId}:${bytes.toString("base64")}`)).toThrow();
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses a ciphertext with another key id, truncated or malformed", () => {
    const ciphertext = encryptCode("GC7K2M9XZA");
    const [keyId, payload] = ciphertext.split(":") as [string, string];
    expect(() => decryptCode(`k00000000:${payload}`)).toThrow(/unknown key/);
    expect(() => decryptCode(`${keyId}:${payload.slice(0, 20)}`)).toThrow();
    expect(() => decryptCode(ciphertext.slice(0, -4))).toThrow();
    expect(() => decryptCode(payload)).toThrow();
    expect(() => decryptCode("")).toThrow();
  });
});

describe("maskCode", () => {
  const format = (input: Parameters<typeof passcodeFormatSchema.parse>[0]) =>
    passcodeFormatSchema.parse(input);

  it.each([
    [{ charset: "ALPHANUMERIC", length: 10, prefix: "GC" }, "GC7K2M9XZA4B", "GC…ZA4B"],
    [{ charset: "NUMERIC", length: 12 }, "123456789012", "…9012"],
    [{ charset: "NUMERIC", length: 8, suffix: "99", checkCharacter: true }, "12345678997", "…8997"],
    // Short codes show at most half of what follows the prefix.
    [{ charset: "NUMERIC", length: 6, prefix: "77" }, "77123456", "77…456"],
    [{ charset: "ALPHANUMERIC", length: 4 }, "7K2M", "…2M"],
  ] as const)("masks %o", (input, code, masked) => {
    expect(maskCode(code, format(input))).toBe(masked);
  });

  it("never shows more than 4 characters after the prefix, nor half of them", () => {
    fc.assert(
      fc.property(formatArb(), (f) => {
        const code = generateCode(f);
        const [prefix, visible] = maskCode(code, f).split("…") as [string, string];
        expect(prefix).toBe(f.prefix);
        expect(code.endsWith(visible)).toBe(true);
        expect(visible.length).toBeLessThanOrEqual(Math.min(4, (code.length - prefix.length) / 2));
      }),
      { numRuns: 2_000 },
    );
  });
});
