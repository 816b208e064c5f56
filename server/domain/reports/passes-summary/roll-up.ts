import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { inTransaction, type DomainContext } from "../../context";

/**
 * Moves every committed delta into passes_summary, once per facet (`any` and each date of the
 * pass), and prunes the keys it left with nothing; returns how many deltas were moved. The deltas
 * are deleted and added in one statement, so a reader sees them either here or there, never twice.
 * One roll-up at a time (a transaction-scoped advisory lock): the summary rows are written by
 * nobody else, so writers never wait for it.
 */
export async function rollUpPassesSummary(ctx: DomainContext): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('passes_summary_roll_up'))`);
    const [moved] = rowsOf<{ deltas: number; emptied: string }>(
      await tx.db.execute(sql`
        with moved as (delete from passes_summary_deltas returning *),
        rolled as (
          insert into passes_summary (facet, organisation_id, plan_id, state, currency, day, passes, initial_minor, redeemed_minor, remaining_minor)
          select f.facet, m.organisation_id, m.plan_id, m.state, m.currency, f.day,
            sum(m.passes), sum(m.initial_minor), sum(m.redeemed_minor), sum(m.remaining_minor)
          from moved m
          cross join lateral (values
            ('any'::passes_summary_facet, null::date), ('issued', m.issued_on), ('activated', m.activated_on),
            ('redeemed', m.redeemed_on), ('expires', m.expires_on)) f(facet, day)
          group by 1, 2, 3, 4, 5, 6
          order by 1, 2, 3, 4, 5, 6
          on conflict (facet, organisation_id, plan_id, state, currency, day) do update set
            passes = passes_summary.passes + excluded.passes,
            initial_minor = passes_summary.initial_minor + excluded.initial_minor,
            redeemed_minor = passes_summary.redeemed_minor + excluded.redeemed_minor,
            remaining_minor = passes_summary.remaining_minor + excluded.remaining_minor
          returning ctid, passes, initial_minor, redeemed_minor, remaining_minor)
        select (select count(*)::int from moved) as deltas,
          (select coalesce(array_agg(ctid), '{}') from rolled
           where passes = 0 and initial_minor = 0 and redeemed_minor = 0 and remaining_minor = 0)::text as emptied`),
    );
    // Only the rows just written can have netted to nothing. A statement cannot delete what a
    // sibling in its own WITH wrote, so a second one does, by row address: nobody else writes
    // passes_summary (the advisory lock), so the addresses still hold.
    if (moved && moved.emptied !== "{}") {
      await tx.db.execute(sql`
        delete from passes_summary
        where ctid = any(${moved.emptied}::tid[]) and passes = 0 and initial_minor = 0 and redeemed_minor = 0 and remaining_minor = 0`);
    }
    return moved?.deltas ?? 0;
  });
}
