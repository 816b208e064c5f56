import { uuidv7 } from "uuidv7";

/** Every id is a UUIDv7: time-ordered, so new rows append to indexes and ids sort by creation. */
export const newId = (): string => uuidv7();

/**
 * `count` ids for one bulk insert, for the price of one: a UUIDv7 whose last 32 bits (random in
 * uuidv7's layout, below its 42-bit counter) count 0, 1, … They sort in the order given, after
 * every id drawn before and before every id drawn after, as `count` calls of newId would.
 */
export function newIds(count: number): string[] {
  if (count > 2 ** 32) throw new RangeError("At most 2^32 ids at once.");
  const prefix = newId().slice(0, -8);
  return Array.from({ length: count }, (_, i) => prefix + i.toString(16).padStart(8, "0"));
}
