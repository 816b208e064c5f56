-- One foreign key per pass, (lot, plan) → lots, instead of one to each: a lot of a million passes
-- pays one check per pass, and a pass can no longer name a plan other than its lot's.
ALTER TABLE "lots" ADD CONSTRAINT "lots_id_plan_uniq" UNIQUE("id","plan_id");--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_lot_plan_fk" FOREIGN KEY ("lot_id","plan_id") REFERENCES "public"."lots"("id","plan_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" DROP CONSTRAINT "passes_plan_id_pass_plans_id_fk";--> statement-breakpoint
ALTER TABLE "passes" DROP CONSTRAINT "passes_lot_id_lots_id_fk";--> statement-breakpoint
-- The Passes Summary totals come from passes_summary now; the plan filter of its pages needs only
-- the plan's passes in issue order. Every index on passes is paid on each insert and on each
-- redemption (a state change is never a HOT update).
DROP INDEX "passes_plan_state_idx";--> statement-breakpoint
DROP INDEX "passes_plan_summary_idx";--> statement-breakpoint
CREATE INDEX "passes_plan_issued_idx" ON "passes" USING btree ("plan_id","issued_at","id");
