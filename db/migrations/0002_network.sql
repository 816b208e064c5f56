DROP INDEX "commerce_pools_name_uniq";--> statement-breakpoint
DROP INDEX "exchange_rates_pair_from_uniq";--> statement-breakpoint
DROP INDEX "product_families_name_uniq";--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "currencies_business_uniq" ON "currencies" USING btree ("is_business_currency") WHERE "currencies"."is_business_currency";--> statement-breakpoint
CREATE UNIQUE INDEX "commerce_pools_name_uniq" ON "commerce_pools" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_pair_from_uniq" ON "exchange_rates" USING btree ("base","quote","valid_from") WHERE "exchange_rates"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "product_families_name_uniq" ON "product_families" USING btree (lower("name"));