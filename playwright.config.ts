import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { secretNames } from "./server/secret-names";

const port = Number(process.env.E2E_PORT ?? 3100);
// One fresh database per run on the local PostgreSQL, dropped at the end (e2e/global-teardown.ts);
// workers inherit it through the environment.
if (!process.env.E2E_DATABASE_URL) {
  process.env.E2E_DATABASE_URL = `postgres://postgres@127.0.0.1:5432/tessera_e2e_${Date.now()}`;
  process.env.E2E_DROP_DATABASE = "1";
}
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
// Shared by the server and the test workers, which seed data through the domain functions.
for (const name of secretNames) {
  process.env[name] ??= randomBytes(32).toString("hex");
}

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }], ["junit", { outputFile: "test-results/junit.xml" }]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    locale: "en-GB",
    timezoneId: "UTC",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
