-- Set-based batches of the usual spend (0007), as 0011 made them for redemptions: the spends of a
-- hot wallet written together share one statement per table and one lock of the open account,
-- instead of a dozen statements each.

-- Spends, each as wallet_spend_open_funds takes it (0007), in this order. Under the locks of the
-- contacts (first, in id order: a block waits for these spends) and of the open accounts (then, in
-- id order) it re-checks what the callers checked: every contact may spend, every reference is
-- new to its wallet and used once in the batch, every open account covers all of its spends.
-- When all of that holds, as is usual, the spends are written together: their SPEND entries, the
-- spends, their audit entries and events; each result is the wallet's accounts with the balances
-- after that spend. Otherwise each spend runs alone, in order, seeing the ones before it, and one
-- that does not qualify then is null, having written nothing.
-- Nested loops only: the look-up of used references, joined by hash, read the whole spends
-- index on every batch with the plan made while the table was small (a hot wallet's spends fell
-- from 940 to 720 a second over 8,000 spends); looked up per call it is one probe of the unique key.
CREATE FUNCTION wallet_spend_open_funds_batch(calls jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
  contact_ids uuid[] := ARRAY(SELECT DISTINCT (c->>'contactId')::uuid FROM jsonb_array_elements(calls) AS c);
  open_ids uuid[] := ARRAY(SELECT DISTINCT (c->>'openAccountId')::uuid FROM jsonb_array_elements(calls) AS c);
  may_spend int;
  balances jsonb;
BEGIN
  SELECT count(*) INTO may_spend FROM (
    SELECT 1 FROM contacts WHERE id = ANY (contact_ids) AND NOT spending_blocked AND merged_into_id IS NULL ORDER BY id FOR KEY SHARE
  ) c;
  PERFORM 1 FROM ledger_accounts WHERE id = ANY (open_ids) ORDER BY id FOR UPDATE;
  IF may_spend < cardinality(contact_ids)
    OR EXISTS (
      SELECT 1
      FROM (
        SELECT (c->>'openAccountId')::uuid AS id, (c->>'walletId')::uuid AS wallet_id, sum((c->>'amountMinor')::bigint) AS total
        FROM jsonb_array_elements(calls) AS c GROUP BY 1, 2
      ) d
      LEFT JOIN ledger_accounts a ON a.id = d.id AND a.id = ANY (open_ids) AND a.wallet_id = d.wallet_id
      WHERE a.id IS NULL OR a.balance_minor < d.total)
    OR EXISTS (
      SELECT 1 FROM jsonb_array_elements(calls) AS c
      JOIN spends s ON s.wallet_id = (c->>'walletId')::uuid AND s.reference = c->>'reference')
    OR (SELECT count(DISTINCT (c->>'walletId', c->>'reference')) < count(*) FROM jsonb_array_elements(calls) AS c)
  THEN
    IF jsonb_array_length(calls) = 1 THEN
      RETURN '[null]';
    END IF;
    RETURN (
      SELECT jsonb_agg(wallet_spend_open_funds_batch(jsonb_build_array(c.s))->0 ORDER BY c.position)
      FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position));
  END IF;

  balances := ledger_post_entry_batch((
    SELECT jsonb_agg(jsonb_build_object(
      'id', s->'entryId', 'kind', 'SPEND', 'causeType', 'spend', 'causeId', s->'spendId', 'memo', s->'reference', 'actor', s->'actor',
      'postings', jsonb_build_array(
        jsonb_build_object('id', s->'postingIds'->0, 'accountId', s->'openAccountId', 'amountMinor', -(s->>'amountMinor')::bigint),
        jsonb_build_object('id', s->'postingIds'->1, 'accountId', s->'settlementAccountId', 'amountMinor', (s->>'amountMinor')::bigint)))
      ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position)));
  INSERT INTO spends (id, wallet_id, contact_id, currency, reference, requested_minor, amount_minor, redeemed_minor, organisation_id, spend_entry_id, created_at)
  SELECT (s->>'spendId')::uuid, (s->>'walletId')::uuid, (s->>'contactId')::uuid, s->>'currency', s->>'reference',
    (s->>'amountMinor')::bigint, (s->>'amountMinor')::bigint, 0, (s->>'organisationId')::uuid, (s->>'entryId')::uuid, (s->>'createdAt')::timestamptz
  FROM jsonb_array_elements(calls) AS s;
  PERFORM record_changes((
    SELECT jsonb_agg(jsonb_build_object(
      'auditId', s->'auditId', 'eventId', s->'eventId', 'action', 'spend.created', 'eventType', 'wallet.spent', 'entityType', 'spend',
      'entityId', s->'spendId', 'after', s->'facts', 'actor', s->'actor')
      ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position)));

  RETURN (
    SELECT jsonb_agg(wallet_accounts((c.s->>'walletId')::uuid, balances->(c.position::int - 1)) ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position));
END
$$;--> statement-breakpoint

-- The single spend is the batch of one.
CREATE OR REPLACE FUNCTION wallet_spend_open_funds(s jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN nullif(wallet_spend_open_funds_batch(jsonb_build_array(s))->0, 'null');
END
$$;
