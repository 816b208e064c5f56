import { readFileSync } from "node:fs";
import type postgres from "postgres";

/** Reads `databaseCpu` for one database: per server process, its CPU seconds so far. */
export type DatabaseCpuReader = () => Promise<Map<number, number> | null>;

/**
 * CPU seconds used so far by the server processes of a database's connections, read from /proc
 * (the server runs on this machine). With Node's own CPU time it stays meaningful when other
 * work shares the cores, where wall-clock throughput does not. Null where /proc cannot be read.
 */
export async function databaseCpu(
  admin: postgres.Sql,
  name: string,
): Promise<Map<number, number> | null> {
  const backends = await admin<
    { pid: number }[]
  >`select pid from pg_stat_activity where datname = ${name}`;
  try {
    return new Map(
      backends.map(({ pid }) => {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        return [pid, (Number(fields[11]) + Number(fields[12])) / 100];
      }),
    );
  } catch {
    return null;
  }
}

/** CPU seconds the database's connections used between two readings; null if either is missing. */
export function databaseCpuSince(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
