import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  hkdfSync,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";
import { keyedHash } from "@/server/domain/keyed-hash";
import { getSecrets } from "@/server/secrets";
import { normalizeCode, type PasscodeFormat } from "./format";
import { fillRandom } from "./random";

/** The keyed hash stored in the unique index and used for every lookup of a normalized code. */
export const hashCode = (normalizedCode: string) => keyedHash("passcode", normalizedCode);

const hashPattern = /^[0-9a-f]{64}$/i;

/**
 * Whether an API input is a code hash rather than a code. Unambiguous because no code format is
 * 64 characters long (at most 8 + 32 + 8 + 1).
 */
export const isCodeHash = (input: string) => hashPattern.test(input.trim());

/** The hash to look a pass up by, from either the code as typed or its hash. */
export function lookupHash(codeOrHash: string): string {
  return isCodeHash(codeOrHash)
    ? codeOrHash.trim().toLowerCase()
    : hashCode(normalizeCode(codeOrHash));
}

/** Constant-time equality of two hex hashes, so a comparison leaks no matching prefix. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

interface EncryptionKey {
  id: string;
  key: KeyObject;
}

/**
 * The AES-256 key is derived from the configured secret (any string of 32+ characters) with
 * HKDF, and named by a fingerprint. Ciphertexts carry that id, so after a rotation old ones can
 * still be read by adding the retired key to the ring, and none is ever decrypted with a wrong key.
 */
function deriveKey(secret: string): EncryptionKey {
  const key = Buffer.from(hkdfSync("sha256", secret, "", "tessera passcode encryption v1", 32));
  const id = `k${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
  return { id, key: createSecretKey(key) };
}

let ring: { current: EncryptionKey; byId: Map<string, EncryptionKey> } | undefined;

function keyRing() {
  if (!ring) {
    const current = deriveKey(getSecrets().PASSCODE_ENCRYPTION_KEY);
    ring = { current, byId: new Map([[current.id, current]]) };
  }
  return ring;
}

const ivLength = 12;
const tagLength = 16;

/** `<key id>:<base64 of iv | tag | ciphertext>`, AES-256-GCM with the key id as associated data. */
export function encryptCode(code: string): string {
  const { id, key } = keyRing().current;
  const iv = Buffer.allocUnsafe(ivLength);
  fillRandom(iv, 0, ivLength);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return `${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** The code back from `encryptCode`; throws if the ciphertext was altered or its key is unknown. */
export function decryptCode(ciphertext: string): string {
  const separator = ciphertext.indexOf(":");
  const entry = keyRing().byId.get(ciphertext.slice(0, separator));
  const packed = Buffer.from(ciphertext.slice(separator + 1), "base64");
  if (separator < 0 || !entry || packed.length < ivLength + tagLength) {
    throw new Error("Passcode ciphertext is malformed or was made with an unknown key.");
  }
  const decipher = createDecipheriv("aes-256-gcm", entry.key, packed.subarray(0, ivLength))
    .setAAD(Buffer.from(entry.id))
    .setAuthTag(packed.subarray(ivLength, ivLength + tagLength));
  try {
    return Buffer.concat([
      decipher.update(packed.subarray(ivLength + tagLength)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error("Passcode ciphertext failed its integrity check.");
  }
}

/**
 * Prefix, an ellipsis and the last 4 characters: enough for support to tell passes apart.
 * Never more than half of what follows the prefix is shown, so a short code is not given away.
 */
export function maskCode(code: string, format: PasscodeFormat): string {
  const rest = code.slice(format.prefix.length);
  const visible = Math.min(4, Math.floor(rest.length / 2));
  return `${format.prefix}…${rest.slice(rest.length - visible)}`;
}
