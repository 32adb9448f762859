CREATE TABLE "disclosure_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"supporter_id" text NOT NULL,
	"supporter_slug" text NOT NULL,
	"supporter_name" text NOT NULL,
	"sort_name" text NOT NULL,
	"country_code" text,
	"category" text,
	"supporter_status" text NOT NULL,
	"security_txt_url" text,
	"policy_urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fetch_status" text DEFAULT 'never' NOT NULL,
	"fetch_error" text,
	"last_fetched_at" timestamp with time zone,
	"last_changed_at" timestamp with time zone,
	"content_source" text,
	"content" text,
	"content_hash" text,
	"summary" jsonb,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_policies__fetch_status_valid" CHECK ("disclosure_policies"."fetch_status" in ('never', 'ok', 'invalid', 'unreachable')),
	CONSTRAINT "disclosure_policies__content_source_valid" CHECK ("disclosure_policies"."content_source" is null or "disclosure_policies"."content_source" in ('fetched', 'uploaded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_policies__supporter" ON "disclosure_policies" USING btree ("supporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_policies__slug" ON "disclosure_policies" USING btree ("supporter_slug");--> statement-breakpoint
CREATE INDEX "disclosure_policies__sort" ON "disclosure_policies" USING btree ("sort_name");