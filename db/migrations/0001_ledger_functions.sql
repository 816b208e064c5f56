-- Hot money writes as single statements: each function runs a whole write in one round trip
-- (a redemption used to take ~25), so row locks are held only while the database works.
-- Arguments are jsonb objects with camelCase keys, built by server/domain (which owns the rules
-- and calls these functions; nothing else writes journal entries).
-- Errors meant for people carry SQLSTATEs of class "TS", mapped to DomainErrors in server/domain/ledger/sql-errors.ts.

-- Posts one journal entry (D4): {id, kind, causeType, causeId, reversesEntryId, memo, actor:
-- {type, id, label}, postings: [{id, accountId, amountMinor, creditLotId}]}.
-- Invariants: at least two postings summing to zero per currency; wallet accounts are locked in
-- id order and never go below zero (TS402, nothing written); system accounts are not locked: the
-- net change is added to one random balance shard of sixteen. Returns {accountId: balanceAfter}
-- for the wallet accounts touched.
CREATE FUNCTION ledger_post_entry(entry jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
  SELECT p."accountId", floor(random() * 16)::smallint, sum(p."amountMinor")
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

-- Credits a commerce pocket as a new credit lot (D3) and posts the entry from the funding
-- account: {lotId, walletId, pocketId, fromAccountId, currency, amountMinor, expiresAt,
-- productSkus, productFamilyIds, entry: {id, kind, causeType, causeId, memo, reversesEntryId,
-- actor}, postingIds: [from, pocket]}. The pocket's lots' remaining amounts keep summing to its
-- balance. Returns the pocket's balance after the credit.
CREATE FUNCTION wallet_credit_pocket(credit jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  balances jsonb;
BEGIN
  INSERT INTO credit_lots (id, wallet_id, account_id, currency, amount_minor, remaining_minor, expires_at, product_skus, product_family_ids, source_type, source_id)
  VALUES (
    (credit->>'lotId')::uuid, (credit->>'walletId')::uuid, (credit->>'pocketId')::uuid, credit->>'currency',
    (credit->>'amountMinor')::bigint, (credit->>'amountMinor')::bigint, (credit->>'expiresAt')::timestamptz,
    ARRAY(SELECT jsonb_array_elements_text(coalesce(credit->'productSkus', '[]'))),
    ARRAY(SELECT jsonb_array_elements_text(coalesce(credit->'productFamilyIds', '[]'))::uuid),
    credit->'entry'->>'causeType', (credit->'entry'->>'causeId')::uuid
  );
  balances := ledger_post_entry(credit->'entry' || jsonb_build_object('postings', jsonb_build_array(
    jsonb_build_object('id', credit->'postingIds'->0, 'accountId', credit->'fromAccountId', 'amountMinor', -(credit->>'amountMinor')::bigint),
    jsonb_build_object('id', credit->'postingIds'->1, 'accountId', credit->'pocketId', 'amountMinor', (credit->>'amountMinor')::bigint, 'creditLotId', credit->'lotId')
  )));
  RETURN (balances->>(credit->>'pocketId'))::bigint;
END
$$;
--> statement-breakpoint

-- Appends an audit entry and the matching outbox event (D9, D11) for one change. PL/pgSQL, not
-- SQL, so its statements' plans are kept per session instead of made on every call.
-- change: {auditId, eventId, action, entityType, entityId, before, after, payload, actor: {type, id, label, ip, userAgent}}.
CREATE FUNCTION record_change(change jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after, ip, user_agent)
  VALUES (
    (change->>'auditId')::uuid, change->'actor'->>'type', (change->'actor'->>'id')::uuid, change->'actor'->>'label',
    change->>'action', change->>'entityType', (change->>'entityId')::uuid, change->'before', change->'after',
    change->'actor'->>'ip', change->'actor'->>'userAgent'
  );
  INSERT INTO domain_events (id, type, entity_type, entity_id, payload, actor_type, actor_id)
  VALUES (
    (change->>'eventId')::uuid, change->>'action', change->>'entityType', (change->>'entityId')::uuid,
    coalesce(change->'payload', change->'after', '{}'), change->'actor'->>'type', (change->'actor'->>'id')::uuid
  );
END
$$;
--> statement-breakpoint

-- The write of a pass redemption (D5), after server/domain checked the credentials and the pass:
-- takes one use (and amountMinor) in a conditional UPDATE that re-checks every condition under
-- the row lock, records the redemption, credits the wallet (creating a gift's nameless contact
-- and wallet first), and records the audit entry and event. Returns null, having written
-- nothing, when the pass no longer qualifies (a parallel redemption took it); TSU01 when a
-- promotion code was already used by this contact.
-- r: {passId, redemptionId, amountMinor (null: promotion), currency, contactId, organisationId,
--     terminalId, actor, auditId, eventId, before, facts,
--     nameless: {contactId, walletId, accountIds: [pocket, open, held], poolPocketId, auditId, eventId} | null,
--     credit: {walletId, pocketId (both null with nameless), commercePoolId, fromAccountId, lotId,
--              entryId, postingIds, expiresAt, productSkus, productFamilyIds} | null}
CREATE FUNCTION pass_redeem(r jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  take bigint := (r->>'amountMinor')::bigint;
  nameless jsonb := nullif(r->'nameless', 'null');
  credit jsonb := nullif(r->'credit', 'null');
  used record;
  credited_wallet uuid := (credit->>'walletId')::uuid;
  credited_pocket uuid := (credit->>'pocketId')::uuid;
  facts jsonb;
BEGIN
  -- A gift redeemed without a contact belongs to the nameless contact it funds (D3): the contact
  -- exists before the pass names it, and goes again if the pass no longer qualifies.
  IF nameless IS NOT NULL THEN
    INSERT INTO contacts (id, kind) VALUES ((nameless->>'contactId')::uuid, 'nameless');
  END IF;
  UPDATE passes p SET
    uses_count = p.uses_count + 1,
    remaining_value_minor = p.remaining_value_minor - coalesce(take, 0),
    state = CASE WHEN p.uses_count + 1 >= p.max_uses OR coalesce(p.remaining_value_minor - coalesce(take, 0), 1) = 0 THEN 'REDEEMED' ELSE p.state END,
    redeemed_at = CASE WHEN p.uses_count + 1 >= p.max_uses OR coalesce(p.remaining_value_minor - coalesce(take, 0), 1) = 0 THEN now() ELSE p.redeemed_at END,
    contact_id = coalesce(p.contact_id, (r->>'contactId')::uuid, (nameless->>'contactId')::uuid),
    updated_at = now()
  WHERE p.id = (r->>'passId')::uuid
    AND p.state = 'ACTIVE'
    AND p.uses_count < p.max_uses
    AND (p.expires_at IS NULL OR p.expires_at > now())
    AND (take IS NULL OR p.remaining_value_minor >= take)
  RETURNING p.uses_count, p.remaining_value_minor, p.state, p.redeemed_at, p.contact_id INTO used;
  IF NOT FOUND THEN
    IF nameless IS NOT NULL THEN
      DELETE FROM contacts WHERE id = (nameless->>'contactId')::uuid;
    END IF;
    RETURN NULL;
  END IF;

  IF nameless IS NOT NULL THEN
    PERFORM record_change(jsonb_build_object(
      'auditId', nameless->'auditId', 'eventId', nameless->'eventId', 'action', 'contact.created', 'entityType', 'contact',
      'entityId', nameless->'contactId', 'after', jsonb_build_object('kind', 'nameless'), 'actor', r->'actor'));
    credited_wallet := (nameless->>'walletId')::uuid;
    INSERT INTO wallets (id, contact_id, currency) VALUES (credited_wallet, (nameless->>'contactId')::uuid, r->>'currency');
    INSERT INTO ledger_accounts (id, kind, currency, wallet_id)
    SELECT (nameless->'accountIds'->>(k.i - 1)::int)::uuid, k.kind, r->>'currency', credited_wallet
    FROM unnest('{POCKET,OPEN,HELD}'::ledger_account_kind[]) WITH ORDINALITY AS k(kind, i);
    credited_pocket := (nameless->'accountIds'->>0)::uuid;
    IF credit->>'commercePoolId' IS NOT NULL THEN
      credited_pocket := (nameless->>'poolPocketId')::uuid;
      INSERT INTO ledger_accounts (id, kind, currency, wallet_id, commerce_pool_id)
      VALUES (credited_pocket, 'POCKET', r->>'currency', credited_wallet, (credit->>'commercePoolId')::uuid);
    END IF;
  END IF;

  INSERT INTO pass_redemptions (id, pass_id, contact_id, amount_minor, currency, organisation_id, terminal_id, actor_type, actor_id)
  VALUES (
    (r->>'redemptionId')::uuid, (r->>'passId')::uuid, coalesce((r->>'contactId')::uuid, (nameless->>'contactId')::uuid),
    take, CASE WHEN take IS NULL THEN NULL ELSE r->>'currency' END, (r->>'organisationId')::uuid, r->>'terminalId',
    r->'actor'->>'type', (r->'actor'->>'id')::uuid
  )
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This contact has already used this promotion code.' USING ERRCODE = 'TSU01';
  END IF;

  IF credit IS NOT NULL THEN
    PERFORM wallet_credit_pocket(jsonb_build_object(
      'lotId', credit->'lotId', 'walletId', credited_wallet, 'pocketId', credited_pocket, 'fromAccountId', credit->'fromAccountId',
      'currency', r->'currency', 'amountMinor', take, 'expiresAt', credit->'expiresAt',
      'productSkus', credit->'productSkus', 'productFamilyIds', credit->'productFamilyIds', 'postingIds', credit->'postingIds',
      'entry', jsonb_build_object('id', credit->'entryId', 'kind', 'PASS_REDEMPTION', 'causeType', 'pass_redemption',
        'causeId', r->'redemptionId', 'actor', r->'actor')));
  END IF;

  -- The facts as the caller saw them, with what this update changed.
  facts := r->'facts' || jsonb_build_object(
    'state', used.state, 'remainingValueMinor', used.remaining_value_minor, 'usesCount', used.uses_count,
    'contactId', used.contact_id);
  PERFORM record_change(jsonb_build_object(
    'auditId', r->'auditId', 'eventId', r->'eventId', 'action', 'pass.redeemed', 'entityType', 'pass',
    'entityId', r->'passId', 'before', r->'before', 'after', facts, 'actor', r->'actor'));

  RETURN jsonb_build_object(
    'usesCount', used.uses_count, 'remainingValueMinor', used.remaining_value_minor, 'state', used.state,
    'redeemedAt', used.redeemed_at, 'contactId', used.contact_id,
    'walletId', credited_wallet,
    'accounts', (
      SELECT jsonb_agg(jsonb_build_object('id', a.id, 'kind', a.kind, 'currency', a.currency, 'commercePoolId', a.commerce_pool_id, 'balanceMinor', a.balance_minor)
        ORDER BY a.commerce_pool_id NULLS FIRST, a.id)
      FROM ledger_accounts a WHERE a.wallet_id = credited_wallet));
END
$$;
