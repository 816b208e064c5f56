import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface AppServer {
  url: string;
  /** CPU seconds used so far by the server's processes (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const clockTicks = 100;

/** Ids of the process and of every process under it. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while the tree was read.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  return tree;
}

function cpuSecondsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // Gone: its time is no longer counted anywhere we can read.
    }
  }
  return ticks / clockTicks;
}

/**
 * The production build served as `npm start` serves it (server/http/main.ts) on `port`, with
 * `env` (its database and secrets), ready once /api/health answers. Null when there is no build
 * (`npm run build` first).
 */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer | null> {
  if (!existsSync(".next/BUILD_ID")) return null;
  // Its own process group, so that it stops with whatever it started.
  const child = spawn(process.execPath, ["--import", "tsx", "server/http/main.ts", "-p", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 300 || child.exitCode !== null) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`The app server did not start:\n${errors}`);
    }
    await sleep(200);
  }
  return {
    url,
    cpuSeconds: () => cpuSecondsOf(processTree(child.pid!)),
    stop: async () => {
      const tree = processTree(child.pid!);
      process.kill(-child.pid!, "SIGTERM");
      while (tree.some((pid) => existsSync(`/proc/${pid}`))) await sleep(50);
    },
  };
}
