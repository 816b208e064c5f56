-- An Idempotency-Key's record written by the statement that makes the command's effect, instead
-- of by a transaction held open around the whole command (server/rest/idempotency.ts): a key's
-- call can then join a group commit like any other (server/domain/group-commit.ts).

-- Records the claim {apiKeyId, key, method, path, requestHash} of a call whose result is
-- `result`, answer pending (status_code 0), and returns the result. A null result wrote nothing
-- and claims nothing; a null claim (a call without a key) passes the result through. A key that
-- is already recorded raises TSK01, which rolls the effect back with the statement.
-- Not STRICT: a null claim must still return the result.
CREATE FUNCTION idempotency_claimed(claim jsonb, result jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
BEGIN
  IF claim IS NULL OR claim = 'null' OR result IS NULL OR result = 'null' THEN
    RETURN result;
  END IF;
  INSERT INTO idempotency_keys (api_key_id, key, method, path, request_hash, status_code, response_body)
  VALUES ((claim->>'apiKeyId')::uuid, claim->>'key', claim->>'method', claim->>'path', claim->>'requestHash', 0, '{}')
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'This Idempotency-Key is already recorded.' USING ERRCODE = 'TSK01';
  END IF;
  RETURN result;
END
$$;
--> statement-breakpoint

-- Stores the answer {apiKeyId, key, statusCode, responseBody} of a claimed call, once. Returns
-- whether a pending claim was answered.
CREATE FUNCTION idempotency_key_answer(answer jsonb) RETURNS jsonb LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
BEGIN
  UPDATE idempotency_keys SET status_code = (answer->>'statusCode')::int, response_body = coalesce(answer->'responseBody', 'null')
  WHERE api_key_id = (answer->>'apiKeyId')::uuid AND key = answer->>'key' AND status_code = 0;
  RETURN to_jsonb(FOUND);
END
$$;
