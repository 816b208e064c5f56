/** Every secret the app needs; production requires each in the environment (server/secrets.ts). */
export const secretNames = ["AUTH_SECRET", "PASSCODE_HMAC_KEY", "PASSCODE_ENCRYPTION_KEY", "PRINTING_WEBHOOK_SECRET"] as const;
export type SecretName = (typeof secretNames)[number];
