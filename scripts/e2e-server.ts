import { spawn } from "node:child_process";
import postgres from "postgres";

/**
 * Serves the production build (as `npm start` does) for Playwright on a fresh database (E2E_DATABASE_URL, created here
 * on the local server if missing). The app migrates and seeds the demo data at boot.
 */
const url = new URL(process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/tessera_e2e");
const name = url.pathname.slice(1);
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
if (!exists) await admin.unsafe(`create database "${name}"`);
await admin.end();

const server = spawn("npx", ["tsx", "server/http/main.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: ".data/e2e", NODE_ENV: "production", SEED_DEMO_DATA: "true" },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));
