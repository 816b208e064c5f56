import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Validated once at start-up; import `env` instead of reading `process.env`. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Absent: embedded PGlite under DATA_DIR. Present: a real PostgreSQL server. */
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default(".data"),
    APP_URL: z.string().url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32).optional(),
    PASSCODE_HMAC_KEY: z.string().min(32).optional(),
    PASSCODE_ENCRYPTION_KEY: z.string().min(32).optional(),
    /** Signs the printing-house webhook (timestamp + HMAC-SHA-256 of the body). */
    PRINTING_WEBHOOK_SECRET: z.string().min(32).optional(),
    RUN_WORKER_IN_APP: z.enum(["true", "false"]).default("true"),
    /** SMTP transport URL; absent means messages go to the viewable local outbox. */
    SMTP_URL: z.string().url().optional(),
    SMS_GATEWAY_URL: z.string().url().optional(),
    /** Default: seed demo data on an empty database, except in production. */
    SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
});
