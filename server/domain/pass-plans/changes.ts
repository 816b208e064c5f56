/**
 * A canonical text of a setting value: object keys sorted (jsonb reorders them), undefined
 * dropped and dates as ISO strings, so an unchanged value re-sent by a form compares equal.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/** The keys of `input` whose given value differs from the stored one; undefined means "not given". */
export function changedKeys<T extends object>(stored: T, input: Partial<Record<keyof T, unknown>>): (keyof T)[] {
  return (Object.keys(input) as (keyof T)[]).filter((key) => input[key] !== undefined && canonical(input[key]) !== canonical(stored[key]));
}
