/**
 * A PostgreSQL array literal: one bound parameter for a whole column of a multi-row statement
 * (`unnest($1::uuid[], …)`), the speed of a bulk load on both PostgreSQL and PGlite.
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  return `{${values
    .map((v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/["\\]/g, "\\$&")}"`))
    .join(",")}}`;
}
