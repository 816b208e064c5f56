import { createHmac } from "node:crypto";
import { getSecrets } from "@/server/secrets";

/**
 * Keyed HMAC-SHA-256 for lookup secrets (passcodes, PINs, API keys, OTPs): fast and indexable,
 * useless without the server key. `purpose` separates the hash spaces of different secrets.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", getSecrets().PASSCODE_HMAC_KEY).update(`${purpose}:${value}`).digest("hex");
}
