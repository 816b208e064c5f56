import { asc, desc, type AnyColumn } from "drizzle-orm";
import { z } from "zod";

/** Sort input shared by lists: a column key the list allows, and a direction. */
export function sortSchema<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.object({ sortBy: z.enum(keys).optional(), sortDir: z.enum(["asc", "desc"]).default("asc") });
}

/** The ORDER BY for a sort input, over the list's own column map (no if/else ladders). */
export function orderByOf<K extends string>(
  columns: Record<K, AnyColumn>,
  input: { sortBy?: K; sortDir: "asc" | "desc" },
  fallback: K,
) {
  const column = columns[input.sortBy ?? fallback];
  return input.sortDir === "desc" ? desc(column) : asc(column);
}
