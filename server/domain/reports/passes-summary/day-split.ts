/** A range of instants [from, to); an absent bound is open. */
export interface InstantRange {
  from?: Date;
  to?: Date;
}

/**
 * A date filter cut along UTC midnights: the whole days inside it, which the pre-aggregated
 * summary answers, and the partial days at its ends, read pass by pass.
 */
export interface DaySplit {
  /** Whole UTC days [from, to) as YYYY-MM-DD (an absent bound is open); null: not one whole day. */
  wholeDays: { from?: string; to?: string } | null;
  /** The rest of the range, always bounded on both sides; none when the range ends on midnights. */
  edges: Required<InstantRange>[];
}

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const floorDay = (at: Date) => Math.floor(at.getTime() / dayMs) * dayMs;
const ceilDay = (at: Date) => Math.ceil(at.getTime() / dayMs) * dayMs;

/** Splits [from, to) into whole UTC days and the partial days around them. */
export function splitByDay(range: InstantRange): DaySplit {
  const start = range.from && { at: range.from, day: ceilDay(range.from) };
  const end = range.to && { at: range.to, day: floorDay(range.to) };
  if (start && end && start.day >= end.day) return { wholeDays: null, edges: [{ from: start.at, to: end.at }] };
  const edges: Required<InstantRange>[] = [];
  if (start && start.at.getTime() < start.day) edges.push({ from: start.at, to: new Date(start.day) });
  if (end && end.day < end.at.getTime()) edges.push({ from: new Date(end.day), to: end.at });
  return { wholeDays: { from: start && isoDay(start.day), to: end && isoDay(end.day) }, edges };
}
