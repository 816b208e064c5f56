import { arrayLiteral } from "@/db/array-literal";
import type { PasscodeFormat } from "../codes/format";
import { generateCode } from "../codes/generate";
import { encryptCode, hashCode, maskCode } from "../codes/secrecy";

/** Fresh codes in their stored forms only: the plain codes never leave the function that drew them. */
export interface SealedCodes {
  hashes: string[];
  ciphertexts: string[];
  masks: string[];
}

/**
 * `count` new codes of the format, hashed, encrypted and masked. Codes may repeat (vanishingly
 * rarely): the unique index on the hash decides, and the lot writer draws again for a collision.
 */
export function sealNewCodes(format: PasscodeFormat, count: number): SealedCodes {
  const sealed: SealedCodes = { hashes: new Array<string>(count), ciphertexts: new Array<string>(count), masks: new Array<string>(count) };
  for (let i = 0; i < count; i++) {
    const code = generateCode(format);
    sealed.hashes[i] = hashCode(code);
    sealed.ciphertexts[i] = encryptCode(code);
    sealed.masks[i] = maskCode(code, format);
  }
  return sealed;
}

/**
 * Sealed codes as the lot writer binds them: each column one PostgreSQL array literal. Built on
 * the crypto threads, a batch reaches the main thread as three strings rather than three arrays
 * of strings that it would have to copy in, turn into literals and collect.
 */
export interface SealedColumns {
  count: number;
  hashes: string;
  ciphertexts: string;
  masks: string;
}

export function columnsOf(codes: SealedCodes): SealedColumns {
  return {
    count: codes.hashes.length,
    hashes: arrayLiteral(codes.hashes),
    ciphertexts: arrayLiteral(codes.ciphertexts),
    masks: arrayLiteral(codes.masks),
  };
}
