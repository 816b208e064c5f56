/**
 * Whether a statement failed on the named unique constraint (SQLSTATE 23505). Drizzle wraps the
 * driver's error as `cause`; postgres-js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = error instanceof Error && error.cause ? error.cause : error;
  if (typeof cause !== "object" || cause === null) return false;
  const fields = cause as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  return fields.code === "23505" && (fields.constraint_name ?? fields.constraint) === constraint;
}
