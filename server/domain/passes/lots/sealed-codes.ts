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
