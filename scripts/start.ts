import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * `npm start`: builds on the first run, then serves the production build (migrate and seed run at
 * boot) with the app's HTTP server (server/http/serve.ts), which answers the REST API itself.
 */
const run = (args: string[]) => {
  const result = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(".next/BUILD_ID")) run(["next", "build"]);
run(["tsx", "server/http/main.ts", ...process.argv.slice(2)]);
