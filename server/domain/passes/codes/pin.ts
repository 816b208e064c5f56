import { z } from "zod";
import { keyedHash } from "@/server/domain/keyed-hash";
import { randomIndex } from "./random";
import { hashesEqual } from "./secrecy";

export const pinLengthLimits = { min: 4, max: 8 } as const;

export const pinSchema = z
  .string()
  .regex(/^\d{4,8}$/, `A PIN has ${pinLengthLimits.min} to ${pinLengthLimits.max} digits.`);

/** A random PIN of `length` digits (leading zeros allowed). */
export function generatePin(length: number = pinLengthLimits.min): string {
  if (!Number.isInteger(length) || length < pinLengthLimits.min || length > pinLengthLimits.max) {
    throw new RangeError(
      `PIN length must be ${pinLengthLimits.min}–${pinLengthLimits.max}, got ${length}`,
    );
  }
  let pin = "";
  for (let i = 0; i < length; i++) pin += String(randomIndex(10));
  return pin;
}

/**
 * The stored form of a pass's PIN. Bound to the pass id, so equal PINs of different passes have
 * different hashes and a hash copied onto another pass does not work there.
 */
export const hashPin = (passId: string, pin: string) => keyedHash("pass-pin", `${passId}:${pin}`);

/** Whether `pin` is the PIN of the pass, compared in constant time. */
export const verifyPin = (passId: string, pin: string, storedHash: string) =>
  hashesEqual(hashPin(passId, pin), storedHash);
