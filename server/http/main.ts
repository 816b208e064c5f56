/**
 * Serves the production build (`npm start`, Playwright, the HTTP benchmark):
 * `tsx server/http/main.ts [-p|--port N] [-H|--hostname H]`, port also from PORT (default 3000).
 */
// What `next start` sets: Next reads it when it loads, so before the import below.
(process.env as Record<string, string>).NODE_ENV = "production";

function option(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => names.includes(arg));
  return at >= 0 ? args[at + 1] : undefined;
}

// Next's server modules expect this global (set by `next start` before it loads them); the REST
// handlers import some of them before Next itself sets it.
const { AsyncLocalStorage } = await import("node:async_hooks");
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const { serve } = await import("./serve");
await serve({ port: Number(option(["-p", "--port"]) ?? process.env.PORT ?? 3000), hostname: option(["-H", "--hostname"]) });

export {};
