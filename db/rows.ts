/** `db.execute` returns an array of rows on postgres-js and `{ rows }` on PGlite: read either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
