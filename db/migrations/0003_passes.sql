CREATE TYPE "public"."duration_unit" AS ENUM('DAY', 'MONTH');--> statement-breakpoint
CREATE TYPE "public"."lot_generation_state" AS ENUM('PENDING', 'GENERATING', 'COMPLETED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."lot_kind" AS ENUM('PRINTED', 'ON_DEMAND');--> statement-breakpoint
CREATE TYPE "public"."pass_distribution" AS ENUM('PRINTED', 'ELECTRONIC');--> statement-breakpoint
CREATE TYPE "public"."pass_plan_state" AS ENUM('DRAFT', 'ACTIVE', 'INACTIVE');--> statement-breakpoint
CREATE TYPE "public"."pass_state" AS ENUM('DRAFT', 'ACTIVE', 'REDEEMED', 'CANCELLED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."pass_type" AS ENUM('GIFT', 'TOP_UP', 'PROMOTION');--> statement-breakpoint
CREATE TYPE "public"."pass_usage" AS ENUM('SINGLE', 'MULTIPLE');--> statement-breakpoint
CREATE TYPE "public"."pass_validity_kind" AS ENUM('NONE', 'DATE', 'DURATION');--> statement-breakpoint
CREATE TYPE "public"."pass_value_mode" AS ENUM('FIXED', 'VARIABLE');--> statement-breakpoint
CREATE TYPE "public"."promotion_code_mode" AS ENUM('SINGLE', 'UNIQUE');--> statement-breakpoint
CREATE TYPE "public"."value_validity_kind" AS ENUM('NEVER', 'PERIOD', 'DATE');--> statement-breakpoint
CREATE TABLE "lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" "lot_kind" NOT NULL,
	"quantity" integer,
	"generation_state" "lot_generation_state" DEFAULT 'PENDING' NOT NULL,
	"generated_count" integer DEFAULT 0 NOT NULL,
	"generation_error" text,
	"generation_started_at" timestamp with time zone,
	"generation_completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" "pass_type" NOT NULL,
	"distribution" "pass_distribution" NOT NULL,
	"state" "pass_plan_state" DEFAULT 'DRAFT' NOT NULL,
	"currency" char(3),
	"commerce_pool_id" uuid,
	"value_mode" "pass_value_mode",
	"fixed_value_minor" bigint,
	"min_value_minor" bigint,
	"max_value_minor" bigint,
	"pass_validity_kind" "pass_validity_kind" DEFAULT 'NONE' NOT NULL,
	"pass_valid_until" timestamp with time zone,
	"pass_validity_count" integer,
	"pass_validity_unit" "duration_unit",
	"value_validity_kind" "value_validity_kind",
	"value_valid_until" timestamp with time zone,
	"value_validity_count" integer,
	"value_validity_unit" "duration_unit",
	"usage" "pass_usage" DEFAULT 'SINGLE' NOT NULL,
	"max_uses" integer,
	"product_skus" text[] DEFAULT '{}' NOT NULL,
	"product_family_ids" uuid[] DEFAULT '{}' NOT NULL,
	"pin_required" boolean DEFAULT false NOT NULL,
	"otp_required" boolean DEFAULT false NOT NULL,
	"passcode_format" jsonb NOT NULL,
	"promotion_code_mode" "promotion_code_mode",
	"max_passes" integer NOT NULL,
	"quantity" integer,
	"printing_webhook_enabled" boolean DEFAULT false NOT NULL,
	"communication_template" jsonb,
	"linked_reward_offer_id" uuid,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issued_count" integer DEFAULT 0 NOT NULL,
	"copied_from_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pass_plans_issued_within_max" CHECK ("pass_plans"."issued_count" <= "pass_plans"."max_passes")
);
--> statement-breakpoint
CREATE TABLE "pass_redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pass_id" uuid NOT NULL,
	"contact_id" uuid,
	"amount_minor" bigint,
	"currency" char(3),
	"organisation_id" uuid,
	"terminal_id" text,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"reversed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"lot_seq" integer,
	"code_hash" text NOT NULL,
	"code_ciphertext" text NOT NULL,
	"code_mask" text NOT NULL,
	"state" "pass_state" NOT NULL,
	"currency" char(3),
	"initial_value_minor" bigint,
	"remaining_value_minor" bigint,
	"uses_count" integer DEFAULT 0 NOT NULL,
	"max_uses" integer DEFAULT 1 NOT NULL,
	"expires_at" timestamp with time zone,
	"pin_hash" text,
	"contact_id" uuid,
	"recipient_email" text,
	"recipient_phone" text,
	"recipient_name" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"replaces_pass_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"redeemed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "passes_uses_within_max" CHECK ("passes"."uses_count" >= 0 and "passes"."uses_count" <= "passes"."max_uses"),
	CONSTRAINT "passes_remaining_non_negative" CHECK ("passes"."remaining_value_minor" is null or "passes"."remaining_value_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reward_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_plan_id_pass_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pass_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_plans" ADD CONSTRAINT "pass_plans_commerce_pool_id_commerce_pools_id_fk" FOREIGN KEY ("commerce_pool_id") REFERENCES "public"."commerce_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_plans" ADD CONSTRAINT "pass_plans_linked_reward_offer_id_reward_offers_id_fk" FOREIGN KEY ("linked_reward_offer_id") REFERENCES "public"."reward_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_plans" ADD CONSTRAINT "pass_plans_copied_from_id_pass_plans_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."pass_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_plans" ADD CONSTRAINT "pass_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_redemptions" ADD CONSTRAINT "pass_redemptions_pass_id_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_redemptions" ADD CONSTRAINT "pass_redemptions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_redemptions" ADD CONSTRAINT "pass_redemptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_plan_id_pass_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pass_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_replaces_pass_id_passes_id_fk" FOREIGN KEY ("replaces_pass_id") REFERENCES "public"."passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lots_plan_number_uniq" ON "lots" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "pass_plans_state_idx" ON "pass_plans" USING btree ("state");--> statement-breakpoint
CREATE INDEX "pass_plans_created_at_idx" ON "pass_plans" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "pass_redemptions_pass_idx" ON "pass_redemptions" USING btree ("pass_id");--> statement-breakpoint
CREATE INDEX "pass_redemptions_created_at_idx" ON "pass_redemptions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pass_redemptions_promotion_contact_uniq" ON "pass_redemptions" USING btree ("pass_id","contact_id") WHERE "pass_redemptions"."amount_minor" is null and "pass_redemptions"."reversed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "passes_code_hash_uniq" ON "passes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_lot_seq_uniq" ON "passes" USING btree ("lot_id","lot_seq");--> statement-breakpoint
CREATE INDEX "passes_lot_id_idx" ON "passes" USING btree ("lot_id","id");--> statement-breakpoint
CREATE INDEX "passes_plan_state_idx" ON "passes" USING btree ("plan_id","state");--> statement-breakpoint
CREATE INDEX "passes_contact_idx" ON "passes" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "passes_active_expiry_idx" ON "passes" USING btree ("expires_at") WHERE "passes"."state" = 'ACTIVE';