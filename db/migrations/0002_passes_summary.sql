CREATE TYPE "public"."passes_summary_facet" AS ENUM('any', 'issued', 'activated', 'redeemed', 'expires');--> statement-breakpoint
CREATE TABLE "passes_summary" (
	"facet" "passes_summary_facet" NOT NULL,
	"organisation_id" uuid,
	"plan_id" uuid NOT NULL,
	"state" "pass_state" NOT NULL,
	"currency" char(3),
	"day" date,
	"passes" bigint NOT NULL,
	"initial_minor" bigint NOT NULL,
	"redeemed_minor" bigint NOT NULL,
	"remaining_minor" bigint NOT NULL,
	CONSTRAINT "passes_summary_key_uniq" UNIQUE NULLS NOT DISTINCT("facet","organisation_id","plan_id","state","currency","day")
);
--> statement-breakpoint
CREATE TABLE "passes_summary_deltas" (
	"organisation_id" uuid,
	"plan_id" uuid NOT NULL,
	"state" "pass_state" NOT NULL,
	"currency" char(3),
	"issued_on" date NOT NULL,
	"activated_on" date,
	"redeemed_on" date,
	"expires_on" date,
	"passes" bigint NOT NULL,
	"initial_minor" bigint NOT NULL,
	"redeemed_minor" bigint NOT NULL,
	"remaining_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "passes_activated_at_idx" ON "passes" USING btree ("activated_at") WHERE "passes"."activated_at" is not null;--> statement-breakpoint
CREATE INDEX "passes_redeemed_at_idx" ON "passes" USING btree ("redeemed_at") WHERE "passes"."redeemed_at" is not null;--> statement-breakpoint
CREATE INDEX "passes_expires_at_idx" ON "passes" USING btree ("expires_at") WHERE "passes"."expires_at" is not null;--> statement-breakpoint
-- Passes Summary (D10) kept exact and current at any size. Statement triggers on passes and
-- pass_redemptions append what each statement changed to passes_summary_deltas, in the writer's
-- transaction. Nothing is updated in place, so parallel redemptions of one plan never wait on a
-- shared counter row. The roll-up job (server/domain/reports/passes-summary/roll-up.ts) moves the
-- deltas into passes_summary; readers add the deltas not yet moved.
-- The trigger functions use one generic plan per session for their statements and those of the
-- functions they call: planning them afresh on each call (what the plan cache chose) cost ~0.5 ms
-- per redemption; running them costs ~0.06 ms per trigger.

-- The UTC calendar day of an instant: the unit of the summary's date buckets.
CREATE FUNCTION passes_summary_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (at AT TIME ZONE 'UTC')::date;
--> statement-breakpoint
-- What one pass adds to the summary: its key, and its amounts with nulls as 0.
CREATE TYPE passes_summary_fact AS (
  plan_id uuid, state pass_state, currency char(3),
  issued_on date, activated_on date, redeemed_on date, expires_on date,
  initial_minor bigint, redeemed_minor bigint, remaining_minor bigint
);
--> statement-breakpoint
CREATE FUNCTION passes_summary_fact(p passes) RETURNS passes_summary_fact LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(
  p.plan_id, p.state, p.currency,
  passes_summary_day(p.issued_at), passes_summary_day(p.activated_at), passes_summary_day(p.redeemed_at), passes_summary_day(p.expires_at),
  coalesce(p.initial_value_minor, 0), coalesce(p.initial_value_minor - p.remaining_value_minor, 0), coalesce(p.remaining_value_minor, 0)
)::passes_summary_fact;
--> statement-breakpoint
-- Appends facts[i] counted times[i] times (negative: taken away) for the passes of
-- organisation_ids[i] (null: every pass), netted per key; a key that nets to nothing is not written.
CREATE FUNCTION passes_summary_append(organisation_ids uuid[], facts passes_summary_fact[], times bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO passes_summary_deltas (organisation_id, plan_id, state, currency, issued_on, activated_on, redeemed_on, expires_on,
    passes, initial_minor, redeemed_minor, remaining_minor)
  SELECT u.organisation_id, u.plan_id, u.state, u.currency, u.issued_on, u.activated_on, u.redeemed_on, u.expires_on,
    sum(u.n), sum(u.n * u.initial_minor), sum(u.n * u.redeemed_minor), sum(u.n * u.remaining_minor)
  -- unnest spreads each fact over its columns
  FROM unnest(organisation_ids, facts, times) AS u(organisation_id, plan_id, state, currency, issued_on, activated_on, redeemed_on, expires_on,
    initial_minor, redeemed_minor, remaining_minor, n)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(u.n) <> 0 OR sum(u.n * u.initial_minor) <> 0 OR sum(u.n * u.redeemed_minor) <> 0 OR sum(u.n * u.remaining_minor) <> 0;
END $$;
--> statement-breakpoint
-- A pass statement moves each pass from its old fact to its new one: for every pass, and for
-- each organisation where the pass has a redemption that is not reversed. New and deleted passes
-- have no redemptions (a redemption's foreign key needs its pass), and a lot's passes share
-- their facts, so those are grouped first. Updated passes whose fact did not change (contact,
-- PIN, custom fields …) are skipped before anything is looked up.
CREATE FUNCTION passes_summary_on_passes() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM passes_summary_append(array_agg(NULL::uuid), array_agg(g.f), array_agg(g.n))
    FROM (SELECT passes_summary_fact(r) AS f, count(*) AS n FROM new_rows r GROUP BY 1) g
    HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM passes_summary_append(array_agg(NULL::uuid), array_agg(g.f), array_agg(-g.n))
    FROM (SELECT passes_summary_fact(r) AS f, count(*) AS n FROM old_rows r GROUP BY 1) g
    HAVING count(*) > 0;
  ELSE
    PERFORM passes_summary_append(array_agg(s.organisation_id), array_agg(c.f), array_agg(c.n))
    FROM old_rows o
    FULL JOIN new_rows r ON r.id = o.id
    CROSS JOIN LATERAL (VALUES (o.id, passes_summary_fact(o), -1::bigint), (r.id, passes_summary_fact(r), 1)) c(id, f, n)
    CROSS JOIN LATERAL (
      SELECT NULL::uuid
      UNION ALL
      SELECT DISTINCT x.organisation_id FROM pass_redemptions x
      WHERE x.pass_id = c.id AND x.organisation_id IS NOT NULL AND x.reversed_at IS NULL
    ) s(organisation_id)
    WHERE c.id IS NOT NULL AND passes_summary_fact(o) IS DISTINCT FROM passes_summary_fact(r)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A pass counts for an organisation while it has a redemption there that is not reversed.
-- `changes` says by how much a statement changed the number of such redemptions per (pass,
-- organisation): the pass's current fact is added where the first one arrived, taken away where
-- the last one left. The passes are locked first (redemptions and roll-backs already hold them),
-- so the counts see every other writer's redemptions of these passes and two transactions can
-- never both count one pass in for one organisation.
CREATE FUNCTION passes_summary_follow_redemptions(pass_ids uuid[], organisation_ids uuid[], changes bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM passes WHERE id = ANY (pass_ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM passes_summary_append(array_agg(c.organisation_id), array_agg(passes_summary_fact(p)), array_agg(c.n))
  FROM (
    SELECT d.pass_id, d.organisation_id, CASE WHEN counted.live = 0 THEN -1 ELSE 1 END::bigint AS n
    FROM (
      SELECT u.pass_id, u.organisation_id, sum(u.change) AS change
      FROM unnest(pass_ids, organisation_ids, changes) AS u(pass_id, organisation_id, change)
      GROUP BY 1, 2
    ) d
    CROSS JOIN LATERAL (
      SELECT count(*) AS live FROM pass_redemptions x
      WHERE x.pass_id = d.pass_id AND x.organisation_id = d.organisation_id AND x.reversed_at IS NULL
    ) counted
    WHERE (counted.live = 0) <> (counted.live - d.change = 0)
  ) c
  JOIN passes p ON p.id = c.pass_id
  HAVING count(*) > 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION passes_summary_on_redemptions() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM passes_summary_follow_redemptions(array_agg(r.pass_id), array_agg(r.organisation_id), array_agg(1::bigint))
    FROM new_rows r WHERE r.organisation_id IS NOT NULL AND r.reversed_at IS NULL
    HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM passes_summary_follow_redemptions(array_agg(r.pass_id), array_agg(r.organisation_id), array_agg(-1::bigint))
    FROM old_rows r WHERE r.organisation_id IS NOT NULL AND r.reversed_at IS NULL
    HAVING count(*) > 0;
  ELSE
    -- Netted first: an update that moves no redemption in or out (its contact …) does nothing.
    PERFORM passes_summary_follow_redemptions(array_agg(c.pass_id), array_agg(c.organisation_id), array_agg(c.n))
    FROM (
      SELECT x.pass_id, x.organisation_id, sum(x.n)::bigint AS n
      FROM (
        SELECT r.pass_id, r.organisation_id, r.reversed_at, -1 AS n FROM old_rows r
        UNION ALL
        SELECT r.pass_id, r.organisation_id, r.reversed_at, 1 FROM new_rows r
      ) x
      WHERE x.organisation_id IS NOT NULL AND x.reversed_at IS NULL
      GROUP BY 1, 2
      HAVING sum(x.n) <> 0
    ) c
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER passes_summary_inserted AFTER INSERT ON passes
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_passes();
--> statement-breakpoint
CREATE TRIGGER passes_summary_updated AFTER UPDATE ON passes
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_passes();
--> statement-breakpoint
CREATE TRIGGER passes_summary_deleted AFTER DELETE ON passes
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_passes();
--> statement-breakpoint
CREATE TRIGGER passes_summary_inserted AFTER INSERT ON pass_redemptions
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_redemptions();
--> statement-breakpoint
CREATE TRIGGER passes_summary_updated AFTER UPDATE ON pass_redemptions
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_redemptions();
--> statement-breakpoint
CREATE TRIGGER passes_summary_deleted AFTER DELETE ON pass_redemptions
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION passes_summary_on_redemptions();
--> statement-breakpoint
-- The passes that exist already. Creating the triggers locked both tables against writes until
-- this migration commits, so no change is missed or counted twice.
SELECT passes_summary_append(array_agg(NULL::uuid), array_agg(g.f), array_agg(g.n))
FROM (SELECT passes_summary_fact(p) AS f, count(*) AS n FROM passes p GROUP BY 1) g;
--> statement-breakpoint
SELECT passes_summary_append(array_agg(r.organisation_id), array_agg(passes_summary_fact(p)), array_agg(1::bigint))
FROM (SELECT DISTINCT pass_id, organisation_id FROM pass_redemptions WHERE organisation_id IS NOT NULL AND reversed_at IS NULL) r
JOIN passes p ON p.id = r.pass_id;
