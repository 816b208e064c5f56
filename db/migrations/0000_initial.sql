CREATE TYPE "public"."role" AS ENUM('admin', 'marketing', 'finance', 'support');--> statement-breakpoint
CREATE TYPE "public"."custom_field_type" AS ENUM('text', 'number', 'date', 'boolean', 'select');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('merchant', 'venue');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('registered', 'nameless');--> statement-breakpoint
CREATE TYPE "public"."identity_type" AS ENUM('email', 'phone', 'contact_code', 'cim');--> statement-breakpoint
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
CREATE TYPE "public"."message_channel" AS ENUM('EMAIL', 'SMS');--> statement-breakpoint
CREATE TYPE "public"."message_purpose" AS ENUM('PASS_DELIVERY', 'PASS_RESEND', 'OTP');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('QUEUED', 'SENT', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."journal_entry_kind" AS ENUM('PASS_REDEMPTION', 'PASS_REDEMPTION_REVERSAL', 'PASS_REISSUE', 'AWARD', 'REDEEM', 'SPEND', 'SPEND_REFUND', 'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'PAYOUT', 'PAYOUT_REVERSAL', 'EXPIRY', 'ADJUSTMENT');--> statement-breakpoint
CREATE TYPE "public"."ledger_account_kind" AS ENUM('POCKET', 'OPEN', 'HELD', 'PASS_LIABILITY', 'REWARD_FUNDING', 'SETTLEMENT', 'PAYOUTS', 'BREAKAGE', 'ADJUSTMENTS');--> statement-breakpoint
CREATE TYPE "public"."hold_state" AS ENUM('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."payout_state" AS ENUM('REQUESTED', 'APPROVED', 'PAID', 'FAILED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"payload" jsonb NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_api_key_id_key_pk" PRIMARY KEY("api_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acquiring_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"terminal_id" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce_pool_families" (
	"pool_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	CONSTRAINT "commerce_pool_families_pool_id_family_id_pk" PRIMARY KEY("pool_id","family_id")
);
--> statement-breakpoint
CREATE TABLE "commerce_pool_organisations" (
	"pool_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "commerce_pool_organisations_pool_id_organisation_id_pk" PRIMARY KEY("pool_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "commerce_pools" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "currencies" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"minor_units" integer NOT NULL,
	"is_business_currency" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" "custom_field_type" NOT NULL,
	"options" text[] DEFAULT '{}' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base" char(3) NOT NULL,
	"quote" char(3) NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_families" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"family_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_identities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"type" "identity_type" NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"first_name" text,
	"last_name" text,
	"spending_blocked" boolean DEFAULT false NOT NULL,
	"spending_blocked_reason" text,
	"spending_blocked_at" timestamp with time zone,
	"spending_blocked_by" uuid,
	"spending_blocked_by_label" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" "message_channel" NOT NULL,
	"purpose" "message_purpose" NOT NULL,
	"recipient" text NOT NULL,
	"content_ciphertext" text NOT NULL,
	"pass_id" uuid,
	"contact_id" uuid,
	"status" "message_status" DEFAULT 'QUEUED' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_otps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pass_id" uuid NOT NULL,
	"otp_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lot_download_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lot_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"downloaded_from_ip" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wallet_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"remaining_minor" bigint NOT NULL,
	"expires_at" timestamp with time zone,
	"product_skus" text[] DEFAULT '{}'::text[] NOT NULL,
	"product_family_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"expired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_lots_remaining_in_range" CHECK ("credit_lots"."remaining_minor" >= 0 and "credit_lots"."remaining_minor" <= "credit_lots"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "journal_entry_kind" NOT NULL,
	"cause_type" text NOT NULL,
	"cause_id" uuid,
	"reverses_entry_id" uuid,
	"memo" text,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "ledger_account_kind" NOT NULL,
	"currency" char(3) NOT NULL,
	"wallet_id" uuid,
	"commerce_pool_id" uuid,
	"pass_plan_id" uuid,
	"organisation_id" uuid,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_identity_uniq" UNIQUE NULLS NOT DISTINCT("kind","currency","wallet_id","commerce_pool_id","pass_plan_id","organisation_id"),
	CONSTRAINT "ledger_accounts_wallet_not_negative" CHECK ("ledger_accounts"."wallet_id" is null or "ledger_accounts"."balance_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_balance_shards" (
	"account_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_balance_shards_account_id_shard_pk" PRIMARY KEY("account_id","shard")
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"credit_lot_id" uuid,
	"balance_after_minor" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_postings_not_zero" CHECK ("ledger_postings"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallets_contact_currency_uniq" UNIQUE("contact_id","currency")
);
--> statement-breakpoint
CREATE TABLE "holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wallet_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"captured_minor" bigint DEFAULT 0 NOT NULL,
	"state" "hold_state" DEFAULT 'ACTIVE' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reference" text,
	"organisation_id" uuid,
	"sources" jsonb NOT NULL,
	"hold_entry_id" uuid NOT NULL,
	"closing_entry_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holds_amount_positive" CHECK ("holds"."amount_minor" > 0),
	CONSTRAINT "holds_captured_in_range" CHECK ("holds"."captured_minor" >= 0 and "holds"."captured_minor" <= "holds"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "payout_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wallet_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"state" "payout_state" DEFAULT 'REQUESTED' NOT NULL,
	"requested_by_label" text NOT NULL,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"payout_entry_id" uuid,
	"reversal_entry_id" uuid,
	"provider_reference" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_requests_amount_positive" CHECK ("payout_requests"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "spend_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"spend_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spend_refunds_amount_positive" CHECK ("spend_refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "spends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wallet_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"reference" text NOT NULL,
	"requested_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"redeemed_minor" bigint NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"organisation_id" uuid,
	"redeem_entry_id" uuid,
	"spend_entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spends_wallet_reference_uniq" UNIQUE("wallet_id","reference"),
	CONSTRAINT "spends_amount_positive" CHECK ("spends"."amount_minor" > 0 and "spends"."amount_minor" <= "spends"."requested_minor"),
	CONSTRAINT "spends_refunded_in_range" CHECK ("spends"."refunded_minor" >= 0 and "spends"."refunded_minor" <= "spends"."amount_minor")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acquiring_points" ADD CONSTRAINT "acquiring_points_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_pool_families" ADD CONSTRAINT "commerce_pool_families_pool_id_commerce_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."commerce_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_pool_families" ADD CONSTRAINT "commerce_pool_families_family_id_product_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."product_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_pool_organisations" ADD CONSTRAINT "commerce_pool_organisations_pool_id_commerce_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."commerce_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_pool_organisations" ADD CONSTRAINT "commerce_pool_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_base_currencies_code_fk" FOREIGN KEY ("base") REFERENCES "public"."currencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_quote_currencies_code_fk" FOREIGN KEY ("quote") REFERENCES "public"."currencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_family_id_product_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."product_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_identities" ADD CONSTRAINT "contact_identities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_spending_blocked_by_users_id_fk" FOREIGN KEY ("spending_blocked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_merged_into_id_contacts_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "messages" ADD CONSTRAINT "messages_pass_id_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_otps" ADD CONSTRAINT "pass_otps_pass_id_passes_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."passes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_download_links" ADD CONSTRAINT "lot_download_links_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_commerce_pool_id_commerce_pools_id_fk" FOREIGN KEY ("commerce_pool_id") REFERENCES "public"."commerce_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_pass_plan_id_pass_plans_id_fk" FOREIGN KEY ("pass_plan_id") REFERENCES "public"."pass_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balance_shards" ADD CONSTRAINT "ledger_balance_shards_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_hold_entry_id_journal_entries_id_fk" FOREIGN KEY ("hold_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_closing_entry_id_journal_entries_id_fk" FOREIGN KEY ("closing_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_payout_entry_id_journal_entries_id_fk" FOREIGN KEY ("payout_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_reversal_entry_id_journal_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_refunds" ADD CONSTRAINT "spend_refunds_spend_id_spends_id_fk" FOREIGN KEY ("spend_id") REFERENCES "public"."spends"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_refunds" ADD CONSTRAINT "spend_refunds_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spends" ADD CONSTRAINT "spends_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spends" ADD CONSTRAINT "spends_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spends" ADD CONSTRAINT "spends_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spends" ADD CONSTRAINT "spends_redeem_entry_id_journal_entries_id_fk" FOREIGN KEY ("redeem_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spends" ADD CONSTRAINT "spends_spend_entry_id_journal_entries_id_fk" FOREIGN KEY ("spend_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uniq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_uniq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_created_at_idx" ON "api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "domain_events_entity_idx" ON "domain_events" USING btree ("entity_type","entity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "domain_events_seq_idx" ON "domain_events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "domain_events_type_idx" ON "domain_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "acquiring_points_terminal_uniq" ON "acquiring_points" USING btree ("terminal_id");--> statement-breakpoint
CREATE INDEX "acquiring_points_org_idx" ON "acquiring_points" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commerce_pools_name_uniq" ON "commerce_pools" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "currencies_business_uniq" ON "currencies" USING btree ("is_business_currency") WHERE "currencies"."is_business_currency";--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_definitions_entity_key_uniq" ON "custom_field_definitions" USING btree ("entity","key");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_pair_from_uniq" ON "exchange_rates" USING btree ("base","quote","valid_from") WHERE "exchange_rates"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "product_families_name_uniq" ON "product_families" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_uniq" ON "products" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "products_family_idx" ON "products" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_identities_type_value_uniq" ON "contact_identities" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_identities_value_idx" ON "contact_identities" USING btree ("value");--> statement-breakpoint
CREATE INDEX "contacts_created_at_idx" ON "contacts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "contacts_last_name_idx" ON "contacts" USING btree ("last_name");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_plan_number_uniq" ON "lots" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "pass_plans_state_idx" ON "pass_plans" USING btree ("state");--> statement-breakpoint
CREATE INDEX "pass_plans_created_at_idx" ON "pass_plans" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "pass_redemptions_pass_idx" ON "pass_redemptions" USING btree ("pass_id");--> statement-breakpoint
CREATE INDEX "pass_redemptions_created_at_idx" ON "pass_redemptions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "pass_redemptions_organisation_idx" ON "pass_redemptions" USING btree ("organisation_id","pass_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pass_redemptions_promotion_contact_uniq" ON "pass_redemptions" USING btree ("pass_id","contact_id") WHERE "pass_redemptions"."amount_minor" is null and "pass_redemptions"."reversed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "passes_code_hash_uniq" ON "passes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_lot_seq_uniq" ON "passes" USING btree ("lot_id","lot_seq");--> statement-breakpoint
CREATE INDEX "passes_lot_id_idx" ON "passes" USING btree ("lot_id","id");--> statement-breakpoint
CREATE INDEX "passes_plan_state_idx" ON "passes" USING btree ("plan_id","state");--> statement-breakpoint
CREATE INDEX "passes_contact_idx" ON "passes" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "passes_active_expiry_idx" ON "passes" USING btree ("expires_at") WHERE "passes"."state" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "passes_issued_at_idx" ON "passes" USING btree ("issued_at","id");--> statement-breakpoint
CREATE INDEX "passes_state_issued_idx" ON "passes" USING btree ("state","issued_at","id");--> statement-breakpoint
CREATE INDEX "passes_plan_summary_idx" ON "passes" USING btree ("plan_id","state","issued_at","id","currency","initial_value_minor","remaining_value_minor");--> statement-breakpoint
CREATE INDEX "messages_created_at_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_pass_idx" ON "messages" USING btree ("pass_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_status_idx" ON "messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "pass_otps_pass_idx" ON "pass_otps" USING btree ("pass_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lot_download_links_token_hash_uniq" ON "lot_download_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "lot_download_links_lot_idx" ON "lot_download_links" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "credit_lots_account_open_idx" ON "credit_lots" USING btree ("account_id","expires_at") WHERE "credit_lots"."remaining_minor" > 0;--> statement-breakpoint
CREATE INDEX "credit_lots_wallet_idx" ON "credit_lots" USING btree ("wallet_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_lots_expiring_idx" ON "credit_lots" USING btree ("expires_at") WHERE "credit_lots"."remaining_minor" > 0 and "credit_lots"."expires_at" is not null;--> statement-breakpoint
CREATE INDEX "credit_lots_source_idx" ON "credit_lots" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "journal_entries_cause_idx" ON "journal_entries" USING btree ("cause_type","cause_id");--> statement-breakpoint
CREATE INDEX "journal_entries_reverses_idx" ON "journal_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "journal_entries_created_at_idx" ON "journal_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_accounts_wallet_idx" ON "ledger_accounts" USING btree ("wallet_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_account_idx" ON "ledger_postings" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_postings_entry_idx" ON "ledger_postings" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "holds_wallet_idx" ON "holds" USING btree ("wallet_id","created_at");--> statement-breakpoint
CREATE INDEX "holds_active_expiry_idx" ON "holds" USING btree ("expires_at") WHERE "holds"."state" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "holds_reference_idx" ON "holds" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payout_requests_state_idx" ON "payout_requests" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "payout_requests_wallet_idx" ON "payout_requests" USING btree ("wallet_id","created_at");--> statement-breakpoint
CREATE INDEX "spend_refunds_spend_idx" ON "spend_refunds" USING btree ("spend_id");--> statement-breakpoint
CREATE INDEX "spends_wallet_created_idx" ON "spends" USING btree ("wallet_id","created_at");--> statement-breakpoint
CREATE INDEX "spends_created_idx" ON "spends" USING btree ("created_at");