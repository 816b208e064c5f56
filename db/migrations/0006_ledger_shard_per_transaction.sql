-- A system account's balance shard is chosen per transaction (its id modulo sixteen) instead of
-- per entry at random. Redemptions written together in one transaction (server/domain/
-- group-commit.ts) then lock one shard of each system account, not up to sixteen in random
-- order, which would deadlock two such transactions; separate transactions still spread over
-- all sixteen shards. Otherwise the function is 0001's.
CREATE OR REPLACE FUNCTION ledger_post_entry(entry jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  -- Every read of ledger_accounts below is restricted to these ids, so it is an index lookup
  -- whatever the planner guesses about the postings.
  account_ids uuid[] := ARRAY(SELECT (p->>'accountId')::uuid FROM jsonb_array_elements(entry->'postings') AS p);
  problem text;
  wallet_ids uuid[];
  changed int;
BEGIN
  IF cardinality(account_ids) < 2 THEN
    RAISE EXCEPTION 'A journal entry needs at least two postings.';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_to_recordset(entry->'postings') AS p("amountMinor" bigint) WHERE coalesce(p."amountMinor", 0) = 0) THEN
    RAISE EXCEPTION 'Invalid posting amount: every posting moves a non-zero amount.';
  END IF;
  SELECT string_agg(coalesce(t.currency, 'an unknown account') || ' (' || t.total || ')', ', ') INTO problem
  FROM (
    SELECT a.currency, sum(p."amountMinor") AS total
    FROM jsonb_to_recordset(entry->'postings') AS p("accountId" uuid, "amountMinor" bigint)
    LEFT JOIN (SELECT id, currency FROM ledger_accounts WHERE id = ANY (account_ids)) a ON a.id = p."accountId"
    GROUP BY a.currency
    HAVING a.currency IS NULL OR sum(p."amountMinor") <> 0
  ) t;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION 'Journal entry does not balance in %', problem;
  END IF;

  SELECT array_agg(id ORDER BY id) INTO wallet_ids FROM ledger_accounts WHERE id = ANY (account_ids) AND wallet_id IS NOT NULL;
  IF wallet_ids IS NOT NULL THEN
    PERFORM 1 FROM ledger_accounts WHERE id = ANY (wallet_ids) ORDER BY id FOR UPDATE;
    UPDATE ledger_accounts a SET balance_minor = a.balance_minor + d.delta
    FROM (
      SELECT p."accountId" AS id, sum(p."amountMinor") AS delta
      FROM jsonb_to_recordset(entry->'postings') AS p("accountId" uuid, "amountMinor" bigint)
      WHERE p."accountId" = ANY (wallet_ids)
      GROUP BY p."accountId"
    ) d
    WHERE a.id = ANY (wallet_ids) AND a.id = d.id AND a.balance_minor + d.delta >= 0;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed <> cardinality(wallet_ids) THEN
      RAISE EXCEPTION 'Not enough funds in the wallet.' USING ERRCODE = 'TS402';
    END IF;
  END IF;

  INSERT INTO ledger_balance_shards AS s (account_id, shard, balance_minor)
  SELECT p."accountId", (pg_current_xact_id()::text::bigint % 16)::smallint, sum(p."amountMinor")
  FROM jsonb_to_recordset(entry->'postings') AS p("accountId" uuid, "amountMinor" bigint)
  WHERE NOT (p."accountId" = ANY (coalesce(wallet_ids, '{}')))
  GROUP BY p."accountId"
  HAVING sum(p."amountMinor") <> 0
  ON CONFLICT (account_id, shard) DO UPDATE SET balance_minor = s.balance_minor + excluded.balance_minor;

  INSERT INTO journal_entries (id, kind, cause_type, cause_id, reverses_entry_id, memo, actor_type, actor_id, actor_label)
  VALUES (
    (entry->>'id')::uuid, (entry->>'kind')::journal_entry_kind, entry->>'causeType', (entry->>'causeId')::uuid,
    (entry->>'reversesEntryId')::uuid, entry->>'memo',
    entry->'actor'->>'type', (entry->'actor'->>'id')::uuid, entry->'actor'->>'label'
  );
  -- Running balances for statements: each posting's balance is the account's final balance less
  -- the postings after it in the same entry.
  INSERT INTO ledger_postings (id, entry_id, account_id, amount_minor, currency, credit_lot_id, balance_after_minor)
  SELECT p.id, (entry->>'id')::uuid, p."accountId", p."amountMinor", a.currency, p."creditLotId",
    CASE WHEN a.wallet_id IS NOT NULL THEN
      a.balance_minor - coalesce(sum(p."amountMinor") OVER (PARTITION BY p."accountId" ORDER BY p.position ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)
    END
  FROM ROWS FROM (jsonb_to_recordset(entry->'postings') AS (id uuid, "accountId" uuid, "amountMinor" bigint, "creditLotId" uuid))
    WITH ORDINALITY AS p(id, "accountId", "amountMinor", "creditLotId", position)
  JOIN (SELECT id, currency, wallet_id, balance_minor FROM ledger_accounts WHERE id = ANY (account_ids)) a ON a.id = p."accountId";

  RETURN coalesce((SELECT jsonb_object_agg(id, balance_minor) FROM ledger_accounts WHERE id = ANY (wallet_ids)), '{}'::jsonb);
END
$$;
--> statement-breakpoint
-- Replacing the function drops the setting of 0004.
ALTER FUNCTION ledger_post_entry(jsonb) SET plan_cache_mode = force_generic_plan;
