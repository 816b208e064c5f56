import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/env";
import { secretNames, type SecretName } from "./secret-names";

export type Secrets = Record<SecretName, string>;

/** Production means real money: no generated secret may silently stand in for a configured one. */
function isProduction() {
  return env.NODE_ENV === "production" && !!env.DATABASE_URL;
}

let cached: Secrets | undefined;

/**
 * Secrets come from the environment. For demo and development runs the missing ones are generated
 * once into DATA_DIR/secrets.json (git-ignored), so a fresh clone needs no configuration.
 */
export function getSecrets(): Secrets {
  if (cached) return cached;
  const fromEnv: Partial<Secrets> = {
    AUTH_SECRET: env.AUTH_SECRET,
    PASSCODE_HMAC_KEY: env.PASSCODE_HMAC_KEY,
    PASSCODE_ENCRYPTION_KEY: env.PASSCODE_ENCRYPTION_KEY,
    PRINTING_WEBHOOK_SECRET: env.PRINTING_WEBHOOK_SECRET,
  };
  const missing = secretNames.filter((name) => !fromEnv[name]);
  if (missing.length === 0) return (cached = fromEnv as Secrets);
  if (isProduction()) {
    throw new Error(
      `Missing required secrets: ${missing.join(", ")}. Set them in the environment ` +
        `(each at least 32 characters, e.g. \`openssl rand -hex 32\`) before starting in production.`,
    );
  }
  const file = path.resolve(env.DATA_DIR, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  let changed = false;
  for (const name of secretNames) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("hex");
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return (cached = { ...(stored as Secrets), ...stripUndefined(fromEnv) });
}

function stripUndefined(values: Partial<Secrets>): Partial<Secrets> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Partial<Secrets>;
}
