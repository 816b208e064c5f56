-- The Passes Summary pages under a range of activation, redemption or expiry dates are read in
-- that date's order with a keyset on (date, id): the id joins each date index.
DROP INDEX "passes_activated_at_idx";--> statement-breakpoint
DROP INDEX "passes_redeemed_at_idx";--> statement-breakpoint
DROP INDEX "passes_expires_at_idx";--> statement-breakpoint
CREATE INDEX "passes_activated_at_idx" ON "passes" USING btree ("activated_at","id") WHERE "passes"."activated_at" is not null;--> statement-breakpoint
CREATE INDEX "passes_redeemed_at_idx" ON "passes" USING btree ("redeemed_at","id") WHERE "passes"."redeemed_at" is not null;--> statement-breakpoint
CREATE INDEX "passes_expires_at_idx" ON "passes" USING btree ("expires_at","id") WHERE "passes"."expires_at" is not null;