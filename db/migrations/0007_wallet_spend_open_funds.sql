-- The usual spend (D6), one that the wallet's open funds cover, as one statement: a hot wallet's
-- open account is then locked only while the database works, and spends written together share
-- one commit (server/domain/group-commit.ts). Under the open account's lock it re-checks what the
-- caller checked before: the contact may spend, the reference is new to the wallet, the open
-- funds cover the amount. Then it posts the SPEND entry and writes the spend, its audit entry and
-- its event. Returns null, having written nothing, when one of these does not hold: the caller
-- (server/domain/wallet/spend.ts) then runs the whole spend (redeem from pockets, partial spend,
-- replay or refusal). Otherwise returns the wallet's accounts with their balances.
-- s: {spendId, walletId, contactId, openAccountId, settlementAccountId, currency, reference,
--     amountMinor, organisationId, createdAt, entryId, postingIds: [open, settlement], actor,
--     auditId, eventId, facts}
-- Generic plans, and never a sequential scan: see 0008.
CREATE FUNCTION wallet_spend_open_funds(s jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
DECLARE
  amount bigint := (s->>'amountMinor')::bigint;
  wallet uuid := (s->>'walletId')::uuid;
BEGIN
  -- The same lock order as the whole spend: the contact (a block waits for this spend), then the account.
  PERFORM 1 FROM contacts WHERE id = (s->>'contactId')::uuid AND NOT spending_blocked AND merged_into_id IS NULL FOR KEY SHARE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM ledger_accounts WHERE id = (s->>'openAccountId')::uuid AND wallet_id = wallet AND balance_minor >= amount FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM spends WHERE wallet_id = wallet AND reference = s->>'reference';
  IF FOUND THEN
    RETURN NULL;
  END IF;

  PERFORM ledger_post_entry(jsonb_build_object(
    'id', s->'entryId', 'kind', 'SPEND', 'causeType', 'spend', 'causeId', s->'spendId', 'memo', s->'reference', 'actor', s->'actor',
    'postings', jsonb_build_array(
      jsonb_build_object('id', s->'postingIds'->0, 'accountId', s->'openAccountId', 'amountMinor', -amount),
      jsonb_build_object('id', s->'postingIds'->1, 'accountId', s->'settlementAccountId', 'amountMinor', amount))));
  INSERT INTO spends (id, wallet_id, contact_id, currency, reference, requested_minor, amount_minor, redeemed_minor, organisation_id, spend_entry_id, created_at)
  VALUES (
    (s->>'spendId')::uuid, wallet, (s->>'contactId')::uuid, s->>'currency', s->>'reference', amount, amount, 0,
    (s->>'organisationId')::uuid, (s->>'entryId')::uuid, (s->>'createdAt')::timestamptz
  );
  INSERT INTO audit_log (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, after, ip, user_agent)
  VALUES (
    (s->>'auditId')::uuid, s->'actor'->>'type', (s->'actor'->>'id')::uuid, s->'actor'->>'label', 'spend.created', 'spend',
    (s->>'spendId')::uuid, s->'facts', s->'actor'->>'ip', s->'actor'->>'userAgent'
  );
  INSERT INTO domain_events (id, type, entity_type, entity_id, payload, actor_type, actor_id)
  VALUES ((s->>'eventId')::uuid, 'wallet.spent', 'spend', (s->>'spendId')::uuid, s->'facts', s->'actor'->>'type', (s->'actor'->>'id')::uuid);

  RETURN (
    SELECT jsonb_agg(jsonb_build_object('id', a.id, 'kind', a.kind, 'currency', a.currency, 'commercePoolId', a.commerce_pool_id, 'balanceMinor', a.balance_minor)
      ORDER BY a.commerce_pool_id NULLS FIRST, a.id)
    FROM ledger_accounts a WHERE a.wallet_id = wallet);
END
$$;
