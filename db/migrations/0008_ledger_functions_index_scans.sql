-- Every read in the ledger functions finds its rows through an index (by id, by wallet, by a
-- unique key), but their plans are generic and kept per session (0004): a session that first
-- planned them while a table was small kept its sequential scan as the table grew, until an
-- ANALYZE happened to replan it. Measured with wallet_spend_open_funds (0007) on one hot wallet:
-- spends fell to 306/s over 12,000 spends, 3.16 ms of database CPU each, against 840/s and
-- 1.07 ms with sequential scans ruled out. They are ruled out for these functions too (and the
-- statements they run), whatever the statistics.
ALTER FUNCTION ledger_post_entry(jsonb) SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION wallet_credit_pocket(jsonb) SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION record_change(jsonb) SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION pass_redeem(jsonb) SET enable_seqscan = off;
