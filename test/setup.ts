import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR ??= ".data/test";
process.env.AUTH_SECRET ??= "test-auth-secret-test-auth-secret-0000";
process.env.PASSCODE_HMAC_KEY ??= "test-hmac-key-test-hmac-key-test-hmac-00";
process.env.PASSCODE_ENCRYPTION_KEY ??= "test-encryption-key-test-encryption-k000";
