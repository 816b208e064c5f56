import { createHmac, timingSafeEqual } from "node:crypto";

/** Headers of a signed webhook: the receiver recomputes HMAC-SHA-256 over `timestamp.body`. */
export const signatureHeaders = {
  timestamp: "tessera-timestamp",
  signature: "tessera-signature",
} as const;

const signatureOf = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/** `timestamp` is Unix seconds; the signature header reads `v1=<hex>`. */
export function signWebhook(secret: string, body: string, timestamp: number): Record<string, string> {
  return {
    [signatureHeaders.timestamp]: String(timestamp),
    [signatureHeaders.signature]: `v1=${signatureOf(secret, timestamp, body)}`,
  };
}

/**
 * What a receiver does: recompute, compare in constant time, and refuse an old timestamp so a
 * captured request cannot be replayed later.
 */
export function verifyWebhook(secret: string, body: string, headers: { timestamp?: string | null; signature?: string | null }, toleranceSeconds = 300, now = Date.now()): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(`v1=${signatureOf(secret, timestamp, body)}`);
  const given = Buffer.from(headers.signature ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
