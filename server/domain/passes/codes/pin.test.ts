import { describe, expect, it } from "vitest";
import { generatePin, hashPin, pinSchema, verifyPin } from "./pin";

describe("generatePin", () => {
  it.each([4, 5, 6, 7, 8])("makes %i digits", (length) => {
    for (let i = 0; i < 200; i++)
      expect(generatePin(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });

  it("defaults to 4 digits and covers all of them", () => {
    const pins = Array.from({ length: 2_000 }, () => generatePin());
    expect(pins.every((pin) => /^\d{4}$/.test(pin))).toBe(true);
    expect(new Set(pins.join("")).size).toBe(10);
  });

  it.each([3, 9, 4.5, Number.NaN])("refuses length %s", (length) => {
    expect(() => generatePin(length)).toThrow(RangeError);
  });
});

describe("pinSchema", () => {
  it.each(["0000", "12345678"])("accepts %j", (pin) =>
    expect(pinSchema.safeParse(pin).success).toBe(true),
  );
  it.each(["123", "123456789", "12a4", " 1234", ""])("refuses %j", (pin) =>
    expect(pinSchema.safeParse(pin).success).toBe(false),
  );
});

describe("hashPin / verifyPin", () => {
  it("verifies the PIN of its own pass only", () => {
    const stored = hashPin("pass-a", "4821");
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyPin("pass-a", "4821", stored)).toBe(true);
    expect(verifyPin("pass-a", "4822", stored)).toBe(false);
    expect(verifyPin("pass-b", "4821", stored)).toBe(false);
    expect(hashPin("pass-b", "4821")).not.toBe(stored);
  });

  it("refuses a malformed stored hash", () => {
    expect(verifyPin("pass-a", "4821", "not-a-hash")).toBe(false);
    expect(verifyPin("pass-a", "4821", "")).toBe(false);
  });
});
