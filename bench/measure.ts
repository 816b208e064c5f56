import { databaseCpuSince, type DatabaseCpuReader } from "./database-cpu";
import { percentile } from "./percentile";

/** Milliseconds since a `process.hrtime.bigint()` reading. */
export const elapsedMs = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

export interface Measured {
  calls: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  seconds: number;
  /** Node's own CPU per call: what this process spends, whatever else runs on the machine. */
  nodeCpuMs: number;
  databaseCpuMs: number | null;
}

/**
 * Runs `count` calls with `clients` concurrent loops (a call answers whether it succeeded);
 * returns throughput, latency percentiles, and the CPU per call of this process and of the
 * database's connections (`databaseCpuNow`).
 */
export async function measure(
  clients: number,
  count: number,
  call: (i: number) => Promise<boolean>,
  databaseCpuNow: DatabaseCpuReader,
): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const start = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const databaseBefore = await databaseCpuNow();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const t = process.hrtime.bigint();
        if (!(await call(i))) failures++;
        latencies.push(elapsedMs(t));
      }
    }),
  );
  const seconds = elapsedMs(start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const databaseCpuS = databaseCpuSince(databaseBefore, await databaseCpuNow());
  latencies.sort((a, b) => a - b);
  return {
    calls: count,
    perSecond: Math.round(count / seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    failures,
    seconds,
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / count,
    databaseCpuMs: databaseCpuS === null ? null : (databaseCpuS * 1000) / count,
  };
}
