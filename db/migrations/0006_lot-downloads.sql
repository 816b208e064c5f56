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
ALTER TABLE "lot_download_links" ADD CONSTRAINT "lot_download_links_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lot_download_links_token_hash_uniq" ON "lot_download_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "lot_download_links_lot_idx" ON "lot_download_links" USING btree ("lot_id");