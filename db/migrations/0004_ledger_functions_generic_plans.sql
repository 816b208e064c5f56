-- The statements inside the ledger functions look rows up by id (or by arrays of ids), so one
-- generic plan per session serves every call. Left to choose, PostgreSQL re-planned them with the
-- call's values ("custom plans") on many calls: a profile of the redemption benchmark showed 15–19 %
-- of the database's CPU in planning. Nested calls run with the setting of the outer one.
ALTER FUNCTION ledger_post_entry(jsonb) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION wallet_credit_pocket(jsonb) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION record_change(jsonb) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION pass_redeem(jsonb) SET plan_cache_mode = force_generic_plan;
