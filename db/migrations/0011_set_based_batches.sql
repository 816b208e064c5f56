-- Set-based batches: every function that server/domain/group-commit.ts calls for many calls at
-- once gets a `<name>_batch(calls jsonb)` that takes a jsonb array of its calls and returns the
-- array of their results, written by one statement per table for the whole batch instead of one
-- per call. A profile of the redemption benchmark (15 statements per redemption, each run once
-- per call of the batch) put a sixth of the database's CPU in starting statements and in the
-- Passes Summary's statement triggers (0002); both are now paid once per batch. The single
-- function is the batch of one, so both always follow the same rules. (The spends' batch is
-- 0012's; an Idempotency-Key's answer stays one UPDATE by primary key each.)
-- A batch is all or nothing: one call's refusal raises and rolls back the whole batch, and the
-- caller runs each call of it again alone to give each its own answer.

-- A posting as ledger_post_entry_batch reads it: its entry's and its own place in the batch
-- order the running balances.
CREATE TYPE ledger_posting_input AS (
  id uuid, entry_id uuid, account_id uuid, amount_minor bigint, credit_lot_id uuid, entry_position int, posting_position int
);--> statement-breakpoint

-- Posts journal entries (D4), each as ledger_post_entry takes it (0001), in this order.
-- Invariants as before, entry by entry: at least two postings summing to zero per currency; a
-- wallet account never goes below zero after any entry of the batch (TS402, nothing written),
-- even when later entries would bring it back; wallet accounts are locked in id order, system
-- accounts not at all (their net change goes to the transaction's balance shard, 0006). Returns,
-- for each entry, {accountId: balance after that entry} for the wallet accounts it touched.
CREATE FUNCTION ledger_post_entry_batch(entries jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  postings ledger_posting_input[] := ARRAY(
    SELECT ROW((p.posting->>'id')::uuid, (e.entry->>'id')::uuid, (p.posting->>'accountId')::uuid, (p.posting->>'amountMinor')::bigint,
      (p.posting->>'creditLotId')::uuid, e.position, p.position)::ledger_posting_input
    FROM jsonb_array_elements(entries) WITH ORDINALITY AS e(entry, position),
      jsonb_array_elements(e.entry->'postings') WITH ORDINALITY AS p(posting, position));
  -- Every read of ledger_accounts below is restricted to these ids, so it is an index lookup
  -- whatever the planner guesses about the postings.
  account_ids uuid[] := ARRAY(SELECT DISTINCT p.account_id FROM unnest(postings) AS p);
  problem text;
  wallet_ids uuid[];
  changed int;
BEGIN
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(entries) AS e WHERE coalesce(jsonb_array_length(e->'postings'), 0) < 2) THEN
    RAISE EXCEPTION 'A journal entry needs at least two postings.';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(postings) AS p WHERE coalesce(p.amount_minor, 0) = 0) THEN
    RAISE EXCEPTION 'Invalid posting amount: every posting moves a non-zero amount.';
  END IF;
  SELECT string_agg(coalesce(t.currency, 'an unknown account') || ' (' || t.total || ')', ', ') INTO problem
  FROM (
    SELECT a.currency, sum(p.amount_minor) AS total
    FROM unnest(postings) AS p
    LEFT JOIN (SELECT id, currency FROM ledger_accounts WHERE id = ANY (account_ids)) a ON a.id = p.account_id
    GROUP BY p.entry_position, a.currency
    HAVING a.currency IS NULL OR sum(p.amount_minor) <> 0
  ) t;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION 'Journal entry does not balance in %', problem;
  END IF;

  SELECT array_agg(id ORDER BY id) INTO wallet_ids FROM ledger_accounts WHERE id = ANY (account_ids) AND wallet_id IS NOT NULL;
  IF wallet_ids IS NOT NULL THEN
    PERFORM 1 FROM ledger_accounts WHERE id = ANY (wallet_ids) ORDER BY id FOR UPDATE;
    -- The lowest balance each account reaches after any entry decides, not only its last one.
    UPDATE ledger_accounts a SET balance_minor = a.balance_minor + d.delta
    FROM (
      SELECT r.account_id, sum(r.delta) AS delta, min(r.running) AS lowest
      FROM (
        SELECT p.account_id, sum(p.amount_minor) AS delta,
          sum(sum(p.amount_minor)) OVER (PARTITION BY p.account_id ORDER BY p.entry_position) AS running
        FROM unnest(postings) AS p
        WHERE p.account_id = ANY (wallet_ids)
        GROUP BY p.account_id, p.entry_position
      ) r
      GROUP BY r.account_id
    ) d
    WHERE a.id = ANY (wallet_ids) AND a.id = d.account_id AND a.balance_minor + d.lowest >= 0;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed <> cardinality(wallet_ids) THEN
      RAISE EXCEPTION 'Not enough funds in the wallet.' USING ERRCODE = 'TS402';
    END IF;
  END IF;

  -- In account order, so two transactions adding to the same shards lock them in the same order.
  INSERT INTO ledger_balance_shards AS s (account_id, shard, balance_minor)
  SELECT p.account_id, (pg_current_xact_id()::text::bigint % 16)::smallint, sum(p.amount_minor)
  FROM unnest(postings) AS p
  WHERE NOT (p.account_id = ANY (coalesce(wallet_ids, '{}')))
  GROUP BY p.account_id
  HAVING sum(p.amount_minor) <> 0
  ORDER BY p.account_id
  ON CONFLICT (account_id, shard) DO UPDATE SET balance_minor = s.balance_minor + excluded.balance_minor;

  INSERT INTO journal_entries (id, kind, cause_type, cause_id, reverses_entry_id, memo, actor_type, actor_id, actor_label)
  SELECT (e->>'id')::uuid, (e->>'kind')::journal_entry_kind, e->>'causeType', (e->>'causeId')::uuid,
    (e->>'reversesEntryId')::uuid, e->>'memo', e->'actor'->>'type', (e->'actor'->>'id')::uuid, e->'actor'->>'label'
  FROM jsonb_array_elements(entries) AS e;
  -- Running balances for statements: each posting's balance is the account's final balance less
  -- the postings after it, in this entry and the batch's later ones.
  INSERT INTO ledger_postings (id, entry_id, account_id, amount_minor, currency, credit_lot_id, balance_after_minor)
  SELECT p.id, p.entry_id, p.account_id, p.amount_minor, a.currency, p.credit_lot_id,
    CASE WHEN a.wallet_id IS NOT NULL THEN
      a.balance_minor - coalesce(sum(p.amount_minor) OVER (
        PARTITION BY p.account_id ORDER BY p.entry_position, p.posting_position ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)
    END
  FROM unnest(postings) AS p
  JOIN (SELECT id, currency, wallet_id, balance_minor FROM ledger_accounts WHERE id = ANY (account_ids)) a ON a.id = p.account_id;

  RETURN (
    SELECT jsonb_agg(coalesce(b.balances, '{}') ORDER BY e.position)
    FROM generate_series(1, jsonb_array_length(entries)) AS e(position)
    LEFT JOIN (
      SELECT r.entry_position, jsonb_object_agg(r.account_id, r.balance) AS balances
      FROM (
        SELECT d.entry_position, d.account_id,
          a.balance_minor - coalesce(sum(d.delta) OVER (
            PARTITION BY d.account_id ORDER BY d.entry_position ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS balance
        FROM (
          SELECT p.account_id, p.entry_position, sum(p.amount_minor) AS delta
          FROM unnest(postings) AS p
          WHERE p.account_id = ANY (wallet_ids)
          GROUP BY p.account_id, p.entry_position
        ) d
        JOIN ledger_accounts a ON a.id = d.account_id AND a.id = ANY (wallet_ids)
      ) r
      GROUP BY r.entry_position
    ) b ON b.entry_position = e.position);
END
$$;--> statement-breakpoint

-- The single functions below are their batch of one; the batch functions carry the settings.
CREATE OR REPLACE FUNCTION ledger_post_entry(entry jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN ledger_post_entry_batch(jsonb_build_array(entry))->0;
END
$$;--> statement-breakpoint

-- Credits commerce pockets as new credit lots (D3), each as wallet_credit_pocket takes it (0001),
-- and posts their entries from the funding accounts. Returns each pocket's balance after its credit.
CREATE FUNCTION wallet_credit_pocket_batch(credits jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  balances jsonb;
BEGIN
  INSERT INTO credit_lots (id, wallet_id, account_id, currency, amount_minor, remaining_minor, expires_at, product_skus, product_family_ids, source_type, source_id)
  SELECT (c->>'lotId')::uuid, (c->>'walletId')::uuid, (c->>'pocketId')::uuid, c->>'currency',
    (c->>'amountMinor')::bigint, (c->>'amountMinor')::bigint, (c->>'expiresAt')::timestamptz,
    ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(c->'productSkus', 'null'), '[]'))),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(c->'productFamilyIds', 'null'), '[]'))::uuid),
    c->'entry'->>'causeType', (c->'entry'->>'causeId')::uuid
  FROM jsonb_array_elements(credits) AS c;
  balances := ledger_post_entry_batch((
    SELECT jsonb_agg(c.credit->'entry' || jsonb_build_object('postings', jsonb_build_array(
      jsonb_build_object('id', c.credit->'postingIds'->0, 'accountId', c.credit->'fromAccountId', 'amountMinor', -(c.credit->>'amountMinor')::bigint),
      jsonb_build_object('id', c.credit->'postingIds'->1, 'accountId', c.credit->'pocketId', 'amountMinor', (c.credit->>'amountMinor')::bigint,
        'creditLotId', c.credit->'lotId'))) ORDER BY c.position)
    FROM jsonb_array_elements(credits) WITH ORDINALITY AS c(credit, position)));
  RETURN (
    SELECT jsonb_agg(balances->(c.position::int - 1)->(c.credit->>'pocketId') ORDER BY c.position)
    FROM jsonb_array_elements(credits) WITH ORDINALITY AS c(credit, position));
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION wallet_credit_pocket(credit jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (wallet_credit_pocket_batch(jsonb_build_array(credit))->>0)::bigint;
END
$$;--> statement-breakpoint

-- Appends audit entries and their outbox events (D9, D11), in this order; each change as
-- record_change took it (0001): {auditId, eventId, action, entityType, entityId, before, after,
-- payload, actor: {type, id, label, ip, userAgent}}, and an event may be named apart from its
-- audit action (`eventType`, default the action).
CREATE FUNCTION record_changes(changes jsonb) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
BEGIN
  INSERT INTO audit_log (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after, ip, user_agent)
  SELECT (c->>'auditId')::uuid, c->'actor'->>'type', (c->'actor'->>'id')::uuid, c->'actor'->>'label',
    c->>'action', c->>'entityType', (c->>'entityId')::uuid, c->'before', c->'after', c->'actor'->>'ip', c->'actor'->>'userAgent'
  FROM jsonb_array_elements(changes) AS c;
  INSERT INTO domain_events (id, type, entity_type, entity_id, payload, actor_type, actor_id)
  SELECT (c.change->>'eventId')::uuid, coalesce(c.change->>'eventType', c.change->>'action'), c.change->>'entityType', (c.change->>'entityId')::uuid,
    coalesce(c.change->'payload', c.change->'after', '{}'), c.change->'actor'->>'type', (c.change->'actor'->>'id')::uuid
  FROM jsonb_array_elements(changes) WITH ORDINALITY AS c(change, position)
  ORDER BY c.position;
END
$$;--> statement-breakpoint

DROP FUNCTION record_change(jsonb);--> statement-breakpoint

-- A wallet's accounts as the money writes answer them: [{id, kind, currency, commercePoolId,
-- balanceMinor}], pockets of the business first; `balances` ({accountId: balance}) overrides the
-- current balances, as a batch's results give each call the balances after it.
CREATE FUNCTION wallet_accounts(wallet uuid, balances jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT jsonb_agg(jsonb_build_object(
        'id', a.id, 'kind', a.kind, 'currency', a.currency, 'commercePoolId', a.commerce_pool_id,
        'balanceMinor', coalesce((balances->>a.id::text)::bigint, a.balance_minor))
      ORDER BY a.commerce_pool_id NULLS FIRST, a.id)
    FROM ledger_accounts a WHERE a.wallet_id = wallet);
END
$$;--> statement-breakpoint

-- Pass redemptions (D5), each as pass_redeem takes it (0001), of distinct passes. Returns each
-- call's result as pass_redeem does, null for a call whose pass no longer qualified (it wrote
-- nothing); TSU01 when a promotion code was already used by the call's contact.
CREATE FUNCTION pass_redeem_batch(calls jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  -- The calls that took a use, with what the update left: {...call, position, walletId, used: {...}}.
  taken jsonb;
  nameless jsonb;
  credits jsonb;
  recorded int;
BEGIN
  IF (SELECT count(DISTINCT c->>'passId') <> count(*) FROM jsonb_array_elements(calls) AS c) THEN
    RAISE EXCEPTION 'A batch of redemptions redeems each pass once.';
  END IF;
  -- A gift redeemed without a contact belongs to the nameless contact it funds (D3): the contact
  -- exists before the pass names it, and goes again if the pass no longer qualifies.
  INSERT INTO contacts (id, kind)
  SELECT (c->'nameless'->>'contactId')::uuid, 'nameless' FROM jsonb_array_elements(calls) AS c WHERE jsonb_typeof(c->'nameless') = 'object';

  -- Takes one use (and amountMinor) of each pass, re-checking every condition under the row
  -- lock; in pass order, so two batches lock the passes they share in the same order.
  WITH used AS (
    UPDATE passes p SET
      uses_count = p.uses_count + 1,
      remaining_value_minor = p.remaining_value_minor - coalesce(c.take, 0),
      state = CASE WHEN p.uses_count + 1 >= p.max_uses OR coalesce(p.remaining_value_minor - coalesce(c.take, 0), 1) = 0 THEN 'REDEEMED' ELSE p.state END,
      redeemed_at = CASE WHEN p.uses_count + 1 >= p.max_uses OR coalesce(p.remaining_value_minor - coalesce(c.take, 0), 1) = 0 THEN now() ELSE p.redeemed_at END,
      contact_id = coalesce(p.contact_id, (c.r->>'contactId')::uuid, (c.r->'nameless'->>'contactId')::uuid),
      updated_at = now()
    FROM (
      SELECT t.r, t.position, (t.r->>'passId')::uuid AS pass_id, (t.r->>'amountMinor')::bigint AS take
      FROM jsonb_array_elements(calls) WITH ORDINALITY AS t(r, position)
      ORDER BY 3
    ) c
    WHERE p.id = c.pass_id
      AND p.state = 'ACTIVE'
      AND p.uses_count < p.max_uses
      AND (p.expires_at IS NULL OR p.expires_at > now())
      AND (c.take IS NULL OR p.remaining_value_minor >= c.take)
    RETURNING c.r, c.position, p.uses_count, p.remaining_value_minor, p.state, p.redeemed_at, p.contact_id
  )
  SELECT jsonb_agg(u.r || jsonb_build_object(
      'position', u.position,
      'walletId', CASE WHEN jsonb_typeof(u.r->'nameless') = 'object' THEN u.r->'nameless'->'walletId' ELSE u.r->'credit'->'walletId' END,
      'used', jsonb_build_object('usesCount', u.uses_count, 'remainingValueMinor', u.remaining_value_minor, 'state', u.state,
        'redeemedAt', u.redeemed_at, 'contactId', u.contact_id))
    ORDER BY u.position)
  INTO taken FROM used u;

  IF coalesce(jsonb_array_length(taken), 0) < jsonb_array_length(calls) THEN
    DELETE FROM contacts WHERE id IN (
      SELECT (c->'nameless'->>'contactId')::uuid FROM jsonb_array_elements(calls) AS c
      WHERE jsonb_typeof(c->'nameless') = 'object'
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(taken) AS t WHERE t->>'passId' = c->>'passId'));
  END IF;
  IF taken IS NULL THEN
    RETURN (SELECT jsonb_agg('null'::jsonb) FROM jsonb_array_elements(calls));
  END IF;

  nameless := (SELECT jsonb_agg(t) FROM jsonb_array_elements(taken) AS t WHERE jsonb_typeof(t->'nameless') = 'object');
  IF nameless IS NOT NULL THEN
    INSERT INTO wallets (id, contact_id, currency)
    SELECT (t->'nameless'->>'walletId')::uuid, (t->'nameless'->>'contactId')::uuid, t->>'currency' FROM jsonb_array_elements(nameless) AS t;
    INSERT INTO ledger_accounts (id, kind, currency, wallet_id, commerce_pool_id)
    SELECT (t->'nameless'->'accountIds'->>(k.i - 1)::int)::uuid, k.kind, t->>'currency', (t->'nameless'->>'walletId')::uuid, NULL
    FROM jsonb_array_elements(nameless) AS t, unnest('{POCKET,OPEN,HELD}'::ledger_account_kind[]) WITH ORDINALITY AS k(kind, i)
    UNION ALL
    SELECT (t->'nameless'->>'poolPocketId')::uuid, 'POCKET', t->>'currency', (t->'nameless'->>'walletId')::uuid, (t->'credit'->>'commercePoolId')::uuid
    FROM jsonb_array_elements(nameless) AS t
    WHERE t->'credit'->>'commercePoolId' IS NOT NULL;
  END IF;

  INSERT INTO pass_redemptions (id, pass_id, contact_id, amount_minor, currency, organisation_id, terminal_id, actor_type, actor_id)
  SELECT (t->>'redemptionId')::uuid, (t->>'passId')::uuid, coalesce((t->>'contactId')::uuid, (t->'nameless'->>'contactId')::uuid),
    (t->>'amountMinor')::bigint, CASE WHEN t->>'amountMinor' IS NULL THEN NULL ELSE t->>'currency' END,
    (t->>'organisationId')::uuid, t->>'terminalId', t->'actor'->>'type', (t->'actor'->>'id')::uuid
  FROM jsonb_array_elements(taken) AS t
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS recorded = ROW_COUNT;
  IF recorded < jsonb_array_length(taken) THEN
    RAISE EXCEPTION 'This contact has already used this promotion code.' USING ERRCODE = 'TSU01';
  END IF;

  credits := (
    SELECT jsonb_agg(jsonb_build_object(
      'lotId', t->'credit'->'lotId', 'walletId', t->'walletId',
      'pocketId', CASE
        WHEN jsonb_typeof(t->'nameless') <> 'object' THEN t->'credit'->'pocketId'
        WHEN t->'credit'->>'commercePoolId' IS NOT NULL THEN t->'nameless'->'poolPocketId'
        ELSE t->'nameless'->'accountIds'->0
      END,
      'fromAccountId', t->'credit'->'fromAccountId', 'currency', t->'currency', 'amountMinor', t->'amountMinor',
      'expiresAt', t->'credit'->'expiresAt', 'productSkus', t->'credit'->'productSkus', 'productFamilyIds', t->'credit'->'productFamilyIds',
      'postingIds', t->'credit'->'postingIds',
      'entry', jsonb_build_object('id', t->'credit'->'entryId', 'kind', 'PASS_REDEMPTION', 'causeType', 'pass_redemption',
        'causeId', t->'redemptionId', 'actor', t->'actor'))
      ORDER BY (t->>'position')::int)
    FROM jsonb_array_elements(taken) AS t
    WHERE jsonb_typeof(t->'credit') = 'object');
  IF credits IS NOT NULL THEN
    PERFORM wallet_credit_pocket_batch(credits);
  END IF;

  -- The facts as the caller saw them, with what the update changed; a nameless contact's
  -- creation before the redemption that made it.
  PERFORM record_changes((
    SELECT jsonb_agg(change ORDER BY (t->>'position')::int, c.i)
    FROM jsonb_array_elements(taken) AS t,
      LATERAL (VALUES
        (1, CASE WHEN jsonb_typeof(t->'nameless') = 'object' THEN jsonb_build_object(
          'auditId', t->'nameless'->'auditId', 'eventId', t->'nameless'->'eventId', 'action', 'contact.created', 'entityType', 'contact',
          'entityId', t->'nameless'->'contactId', 'after', jsonb_build_object('kind', 'nameless'), 'actor', t->'actor') END),
        (2, jsonb_build_object(
          'auditId', t->'auditId', 'eventId', t->'eventId', 'action', 'pass.redeemed', 'entityType', 'pass',
          'entityId', t->'passId', 'before', t->'before', 'after', t->'facts' || ((t->'used') - 'redeemedAt'), 'actor', t->'actor'))
      ) AS c(i, change)
    WHERE c.change IS NOT NULL));

  RETURN (
    SELECT jsonb_agg(CASE WHEN t IS NULL THEN 'null'::jsonb ELSE t->'used' || jsonb_build_object(
        'walletId', t->'walletId', 'accounts', wallet_accounts((t->>'walletId')::uuid, '{}'))
      END ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(r, position)
    LEFT JOIN jsonb_array_elements(taken) AS t ON (t->>'position')::int = c.position);
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION pass_redeem(r jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN nullif(pass_redeem_batch(jsonb_build_array(r))->0, 'null');
END
$$;--> statement-breakpoint

-- Records the claims (0010) of the calls whose results are not null, claims[i] for results[i]
-- (a null claim: a call without a key), and returns the results. A key that is already recorded,
-- or claimed twice in the batch, raises TSK01, which rolls the effects back with the statement.
CREATE FUNCTION idempotency_claimed_batch(claims jsonb, results jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  wanted int;
  recorded int;
BEGIN
  WITH claimed AS (
    SELECT c.claim FROM jsonb_array_elements(claims) WITH ORDINALITY AS c(claim, position)
    WHERE jsonb_typeof(c.claim) = 'object' AND coalesce(results->(c.position::int - 1), 'null') <> 'null'
  ), inserted AS (
    INSERT INTO idempotency_keys (api_key_id, key, method, path, request_hash, status_code, response_body)
    SELECT (claim->>'apiKeyId')::uuid, claim->>'key', claim->>'method', claim->>'path', claim->>'requestHash', 0, '{}' FROM claimed
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM claimed), (SELECT count(*) FROM inserted) INTO wanted, recorded;
  IF recorded < wanted THEN
    RAISE EXCEPTION 'This Idempotency-Key is already recorded.' USING ERRCODE = 'TSK01';
  END IF;
  RETURN results;
END
$$;--> statement-breakpoint

DROP FUNCTION idempotency_claimed(jsonb, jsonb);--> statement-breakpoint

-- Stores the answers {apiKeyId, key, statusCode, responseBody} of claimed calls, each once.
-- Returns, for each, whether a pending claim was answered. One UPDATE per answer, by the key's
-- primary key: joined against a batch, the plan made while the table was small kept reading
-- every key of the API key.
CREATE FUNCTION idempotency_key_answer_batch(answers jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  answer jsonb;
  answered jsonb := '[]';
BEGIN
  FOR answer IN SELECT a FROM jsonb_array_elements(answers) AS a LOOP
    UPDATE idempotency_keys SET status_code = (answer->>'statusCode')::int, response_body = coalesce(answer->'responseBody', 'null')
    WHERE api_key_id = (answer->>'apiKeyId')::uuid AND key = answer->>'key' AND status_code = 0;
    answered := answered || to_jsonb(FOUND);
  END LOOP;
  RETURN answered;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION idempotency_key_answer(answer jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN idempotency_key_answer_batch(jsonb_build_array(answer))->0;
END
$$;
