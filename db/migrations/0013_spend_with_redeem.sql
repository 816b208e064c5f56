-- A spend whose open funds fall short is, for a wallet of gift cards, the usual one: every spend
-- first redeems what it lacks from the wallet's commerce lots (D6). It ran as a transaction of a
-- dozen round trips holding the wallet's locks (a hot wallet: 274 spends a second, p99 162 ms).
-- Its redeem is now planned before any lock (the lots chosen soonest-expiring first within their
-- conditions, as allocateLots decides) and written with the spend by one statement in the group
-- commit, which re-checks the plan under the locks: wallet_spend_batch replaces 0012's
-- wallet_spend_open_funds_batch, whose spends are the ones without a redeem.

-- Spends, each as wallet_spend_open_funds took it (0007) plus an optional planned redeem,
-- {entryId, openPostingId, amountMinor, openMinorAsRead, lots: [{lotId, pocketId, amountMinor,
-- postingId}]}, in this order. Under the locks of the contacts (first, in id order: a block waits
-- for these spends) and of the wallet accounts they change (then, in id order: open accounts and
-- the redeems' pockets, as every wallet command locks them) it re-checks, call by call in order:
-- the contact may spend; the reference is new to its wallet and used once in the batch; without a
-- redeem the open funds cover the spend; with one they are exactly what the plan read (more would
-- redeem more than the spend lacks, less would not cover it), the redeem brings exactly what they
-- lack, its lots give exactly the redeem, and every planned lot is still its
-- wallet's, in that pocket, unexpired, and holds all the batch takes from it. When all of that
-- holds, as is usual, the spends are written together: the lots' takes, each spend's REDEEM entry
-- (its pocket postings name their lots) then its SPEND entry, the spends, their audit entries and
-- events; each result is the wallet's accounts with the balances after that spend. Otherwise each
-- spend runs alone, in order, seeing the ones before it, and one that does not qualify then is
-- null, having written nothing (the caller then runs the whole spend, which plans under the locks).
-- Nested loops only, as 0012 explains: each reference and lot is one probe of a unique key.
CREATE FUNCTION wallet_spend_batch(calls jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
  contact_ids uuid[] := ARRAY(SELECT DISTINCT (c->>'contactId')::uuid FROM jsonb_array_elements(calls) AS c);
  -- Every lot take of the batch's redeems, with its call's place and wallet.
  takes jsonb := (
    SELECT coalesce(jsonb_agg(l || jsonb_build_object('position', c.position, 'walletId', c.s->'walletId')), '[]')
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position), jsonb_array_elements(coalesce(c.s->'redeem'->'lots', '[]')) AS l);
  account_ids uuid[] := ARRAY(
    SELECT (c->>'openAccountId')::uuid FROM jsonb_array_elements(calls) AS c
    UNION
    SELECT (t->>'pocketId')::uuid FROM jsonb_array_elements(takes) AS t);
  may_spend int;
BEGIN
  SELECT count(*) INTO may_spend FROM (
    SELECT 1 FROM contacts WHERE id = ANY (contact_ids) AND NOT spending_blocked AND merged_into_id IS NULL ORDER BY id FOR KEY SHARE
  ) c;
  PERFORM 1 FROM ledger_accounts WHERE id = ANY (account_ids) ORDER BY id FOR UPDATE;
  IF may_spend < cardinality(contact_ids)
    OR EXISTS (
      SELECT 1
      FROM (
        -- The open funds before each call: the balance and what the batch's earlier calls changed.
        SELECT (c.s->>'openAccountId')::uuid AS id, (c.s->>'walletId')::uuid AS wallet_id, (c.s->>'amountMinor')::bigint AS amount,
          (c.s->'redeem'->>'openMinorAsRead')::bigint AS as_read, (c.s->'redeem'->>'amountMinor')::bigint AS redeemed,
          (SELECT sum((l->>'amountMinor')::bigint) FROM jsonb_array_elements(c.s->'redeem'->'lots') AS l) AS from_lots,
          coalesce(sum(coalesce((c.s->'redeem'->>'amountMinor')::bigint, 0) - (c.s->>'amountMinor')::bigint) OVER (
            PARTITION BY c.s->>'openAccountId' ORDER BY c.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS earlier
        FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position)
      ) d
      LEFT JOIN ledger_accounts a ON a.id = d.id AND a.id = ANY (account_ids) AND a.wallet_id = d.wallet_id
      WHERE a.id IS NULL
        OR (d.as_read IS NULL AND a.balance_minor + d.earlier < d.amount)
        OR (d.as_read IS NOT NULL AND (a.balance_minor + d.earlier <> d.as_read OR d.as_read + d.redeemed <> d.amount OR d.from_lots <> d.redeemed)))
    OR EXISTS (
      SELECT 1
      FROM (
        SELECT (t->>'lotId')::uuid AS id, (t->>'pocketId')::uuid AS pocket_id, (t->>'walletId')::uuid AS wallet_id, sum((t->>'amountMinor')::bigint) AS total
        FROM jsonb_array_elements(takes) AS t
        GROUP BY 1, 2, 3
      ) t
      LEFT JOIN credit_lots x ON x.id = t.id AND x.account_id = t.pocket_id AND x.wallet_id = t.wallet_id
      WHERE x.id IS NULL OR x.remaining_minor < t.total OR x.expires_at <= now())
    OR EXISTS (
      SELECT 1 FROM jsonb_array_elements(calls) AS c
      JOIN spends s ON s.wallet_id = (c->>'walletId')::uuid AND s.reference = c->>'reference')
    OR (SELECT count(DISTINCT (c->>'walletId', c->>'reference')) < count(*) FROM jsonb_array_elements(calls) AS c)
  THEN
    IF jsonb_array_length(calls) = 1 THEN
      RETURN '[null]';
    END IF;
    RETURN (
      SELECT jsonb_agg(wallet_spend_batch(jsonb_build_array(c.s))->0 ORDER BY c.position)
      FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position));
  END IF;

  UPDATE credit_lots x SET remaining_minor = x.remaining_minor - t.total
  FROM (SELECT (t->>'lotId')::uuid AS id, sum((t->>'amountMinor')::bigint) AS total FROM jsonb_array_elements(takes) AS t GROUP BY 1) t
  WHERE x.id = t.id;
  PERFORM ledger_post_entry_batch((
    SELECT jsonb_agg(e.entry ORDER BY c.position, e.i)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position),
      LATERAL (VALUES
        (1, CASE WHEN jsonb_typeof(c.s->'redeem') = 'object' THEN jsonb_build_object(
          'id', c.s->'redeem'->'entryId', 'kind', 'REDEEM', 'causeType', 'spend', 'causeId', c.s->'spendId', 'actor', c.s->'actor',
          'postings', (
            SELECT jsonb_agg(p.posting ORDER BY p.i)
            FROM (
              SELECT jsonb_build_object('id', l.lot->'postingId', 'accountId', l.lot->'pocketId', 'amountMinor', -(l.lot->>'amountMinor')::bigint,
                'creditLotId', l.lot->'lotId') AS posting, l.i
              FROM jsonb_array_elements(c.s->'redeem'->'lots') WITH ORDINALITY AS l(lot, i)
              UNION ALL
              -- Last, as the whole spend posts it: what the lots gave, into open funds.
              SELECT jsonb_build_object('id', c.s->'redeem'->'openPostingId', 'accountId', c.s->'openAccountId',
                'amountMinor', (c.s->'redeem'->>'amountMinor')::bigint), jsonb_array_length(c.s->'redeem'->'lots') + 1
            ) p)) END),
        (2, jsonb_build_object(
          'id', c.s->'entryId', 'kind', 'SPEND', 'causeType', 'spend', 'causeId', c.s->'spendId', 'memo', c.s->'reference', 'actor', c.s->'actor',
          'postings', jsonb_build_array(
            jsonb_build_object('id', c.s->'postingIds'->0, 'accountId', c.s->'openAccountId', 'amountMinor', -(c.s->>'amountMinor')::bigint),
            jsonb_build_object('id', c.s->'postingIds'->1, 'accountId', c.s->'settlementAccountId', 'amountMinor', (c.s->>'amountMinor')::bigint))))
      ) AS e(i, entry)
    WHERE e.entry IS NOT NULL));
  INSERT INTO spends (id, wallet_id, contact_id, currency, reference, requested_minor, amount_minor, redeemed_minor, organisation_id,
    redeem_entry_id, spend_entry_id, created_at)
  SELECT (s->>'spendId')::uuid, (s->>'walletId')::uuid, (s->>'contactId')::uuid, s->>'currency', s->>'reference',
    (s->>'amountMinor')::bigint, (s->>'amountMinor')::bigint, coalesce((s->'redeem'->>'amountMinor')::bigint, 0), (s->>'organisationId')::uuid,
    (s->'redeem'->>'entryId')::uuid, (s->>'entryId')::uuid, (s->>'createdAt')::timestamptz
  FROM jsonb_array_elements(calls) AS s;
  PERFORM record_changes((
    SELECT jsonb_agg(jsonb_build_object(
      'auditId', s->'auditId', 'eventId', s->'eventId', 'action', 'spend.created', 'eventType', 'wallet.spent', 'entityType', 'spend',
      'entityId', s->'spendId', 'after', s->'facts', 'actor', s->'actor')
      ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position)));

  -- Each spend's wallet after it: the accounts' balances now, less what the batch's later calls changed.
  RETURN (
    WITH changes AS (
      SELECT c.position, (c.s->>'openAccountId')::uuid AS account_id,
        coalesce((c.s->'redeem'->>'amountMinor')::bigint, 0) - (c.s->>'amountMinor')::bigint AS delta
      FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position)
      UNION ALL
      SELECT (t->>'position')::bigint, (t->>'pocketId')::uuid, -(t->>'amountMinor')::bigint FROM jsonb_array_elements(takes) AS t
    )
    SELECT jsonb_agg(wallet_accounts((c.s->>'walletId')::uuid, coalesce((
        SELECT jsonb_object_agg(a.id, a.balance_minor - coalesce((SELECT sum(g.delta) FROM changes g WHERE g.account_id = a.id AND g.position > c.position), 0))
        FROM ledger_accounts a WHERE a.id = ANY (account_ids) AND a.wallet_id = (c.s->>'walletId')::uuid), '{}')) ORDER BY c.position)
    FROM jsonb_array_elements(calls) WITH ORDINALITY AS c(s, position));
END
$$;--> statement-breakpoint

-- The single spend is the batch of one.
CREATE FUNCTION wallet_spend(s jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN nullif(wallet_spend_batch(jsonb_build_array(s))->0, 'null');
END
$$;--> statement-breakpoint

DROP FUNCTION wallet_spend_open_funds(jsonb);--> statement-breakpoint
DROP FUNCTION wallet_spend_open_funds_batch(jsonb);
