CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "principle_norm_links" (
	"principle_number" integer NOT NULL,
	"norm_code" text NOT NULL,
	"rationale" jsonb NOT NULL,
	"source" jsonb,
	"edited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "principle_norm_links__pk" PRIMARY KEY("principle_number","norm_code"),
	CONSTRAINT "principle_norm_links__principle_valid" CHECK ("principle_norm_links"."principle_number" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "practice_revisions" (
	"practice_id" text NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"state" text NOT NULL,
	"change_note" text,
	"decision_reason" text,
	"authored_by" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_revisions__pk" PRIMARY KEY("practice_id","number"),
	CONSTRAINT "practice_revisions__state_valid" CHECK ("practice_revisions"."state" in ('draft', 'submitted', 'information-requested', 'published', 'rejected', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" text PRIMARY KEY NOT NULL,
	"origin" text NOT NULL,
	"source_key" text,
	"source_ref" jsonb,
	"supporter_id" text,
	"attribution" jsonb,
	"category" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" jsonb,
	"description" jsonb,
	"original" text,
	"kind" text,
	"implementation_status" text,
	"started_on" date,
	"ended_on" date,
	"year" integer,
	"principles" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"norms" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"published_revision" integer,
	"published_at" timestamp with time zone,
	"edited_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practices__origin_valid" CHECK ("practices"."origin" in ('g7-synthesis', 'case-study', 'platform')),
	CONSTRAINT "practices__state_valid" CHECK ("practices"."state" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "implementation_report_sections" (
	"report_id" text NOT NULL,
	"subject" text NOT NULL,
	"visibility" text DEFAULT 'secretariat' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementation_report_sections__pk" PRIMARY KEY("report_id","subject"),
	CONSTRAINT "implementation_report_sections__visibility_valid" CHECK ("implementation_report_sections"."visibility" in ('public', 'members', 'secretariat')),
	CONSTRAINT "implementation_report_sections__subject_valid" CHECK ("implementation_report_sections"."subject" ~ '^(norm:13[a-k]|principle:[1-9])$')
);
--> statement-breakpoint
CREATE TABLE "implementation_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"supporter_id" text NOT NULL,
	"year" integer NOT NULL,
	"original" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementation_reports__state_valid" CHECK ("implementation_reports"."state" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "practice_revisions" ADD CONSTRAINT "practice_revisions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_report_sections" ADD CONSTRAINT "implementation_report_sections_report_id_implementation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."implementation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_revisions__queue" ON "practice_revisions" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "practices__source_key" ON "practices" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "practices__supporter" ON "practices" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "practices__published" ON "practices" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "practices__principles" ON "practices" USING gin ("principles");--> statement-breakpoint
CREATE INDEX "practices__norms" ON "practices" USING gin ("norms");--> statement-breakpoint
CREATE INDEX "practices__countries" ON "practices" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "practices__search_text_trgm" ON "practices" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_reports__supporter_year" ON "implementation_reports" USING btree ("supporter_id","year");