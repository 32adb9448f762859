CREATE TABLE "index_editions" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"framework" jsonb NOT NULL,
	"dataset" jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"snapshot" jsonb,
	"changes" jsonb,
	"changes_note_en" text,
	"changes_note_fr" text,
	"created_by" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"previous_edition_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_editions__status_valid" CHECK ("index_editions"."status" in ('draft', 'published')),
	CONSTRAINT "index_editions__published_complete" CHECK ("index_editions"."status" <> 'published' or ("index_editions"."snapshot" is not null and "index_editions"."changes" is not null and "index_editions"."published_at" is not null and "index_editions"."published_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "index_editions" ADD CONSTRAINT "index_editions__previous_fk" FOREIGN KEY ("previous_edition_id") REFERENCES "public"."index_editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "index_editions__slug" ON "index_editions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "index_editions__published_at" ON "index_editions" USING btree ("status","published_at");