CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supporters" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"nature" text,
	"nature_key" text,
	"country_code" text,
	"source_country_code" text,
	"website" text,
	"twitter" text,
	"linkedin" text,
	"date_signed" date,
	"first_seen" date,
	"joined_on" date,
	"joined_on_source" text,
	"joined_year" integer,
	"statement" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"sort_name" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"source" text,
	"source_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supporters__category_valid" CHECK ("supporters"."category" is null or "supporters"."category" in ('state', 'public-authority', 'private-sector', 'civil-society')),
	CONSTRAINT "supporters__status_valid" CHECK ("supporters"."status" in ('published', 'withdrawn')),
	CONSTRAINT "supporters__joined_on_source_valid" CHECK ("supporters"."joined_on_source" is null or "supporters"."joined_on_source" in ('signed', 'first-seen'))
);
--> statement-breakpoint
CREATE TABLE "call_documents" (
	"key" text NOT NULL,
	"locale" text NOT NULL,
	"markdown" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_documents__pk" PRIMARY KEY("key","locale")
);
--> statement-breakpoint
CREATE TABLE "principles" (
	"number" integer PRIMARY KEY NOT NULL,
	"short_name" jsonb NOT NULL,
	"full_name" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log__subject" ON "audit_log" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "audit_log__at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "supporters__slug" ON "supporters" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "supporters__category" ON "supporters" USING btree ("category");--> statement-breakpoint
CREATE INDEX "supporters__country" ON "supporters" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "supporters__joined_year" ON "supporters" USING btree ("joined_year");--> statement-breakpoint
CREATE INDEX "supporters__sort_name" ON "supporters" USING btree ("sort_name");--> statement-breakpoint
CREATE INDEX "supporters__search_text_trgm" ON "supporters" USING gin ("search_text" gin_trgm_ops);