CREATE TYPE "public"."lot_action" AS ENUM('ACTIVATE', 'CANCEL');--> statement-breakpoint
CREATE TYPE "public"."lot_action_state" AS ENUM('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action" "lot_action";--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_state" "lot_action_state";--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_error" text;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lots" ADD COLUMN "action_completed_at" timestamp with time zone;