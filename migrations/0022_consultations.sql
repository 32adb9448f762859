CREATE TABLE "consultation_dispositions" (
	"id" text PRIMARY KEY NOT NULL,
	"input_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"version" integer NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"decided_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_dispositions__outcome_valid" CHECK ("consultation_dispositions"."outcome" in ('accepted', 'merged', 'partly', 'not-retained')),
	CONSTRAINT "consultation_dispositions__reason_given" CHECK (length(trim("consultation_dispositions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "consultation_inputs" (
	"id" text PRIMARY KEY NOT NULL,
	"consultation_id" text NOT NULL,
	"number" integer NOT NULL,
	"paragraph" integer,
	"author_id" text NOT NULL,
	"author_name" text NOT NULL,
	"supporter_id" text,
	"supporter_name" text,
	"language" text NOT NULL,
	"publication" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_inputs__publication_valid" CHECK ("consultation_inputs"."publication" in ('named', 'anonymous', 'private')),
	CONSTRAINT "consultation_inputs__language_valid" CHECK ("consultation_inputs"."language" in ('en', 'fr'))
);
--> statement-breakpoint
CREATE TABLE "consultation_paragraphs" (
	"id" text PRIMARY KEY NOT NULL,
	"consultation_id" text NOT NULL,
	"text" text NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"changed_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "consultation_paragraphs__text_valid" CHECK ("consultation_paragraphs"."text" in ('original', 'revised'))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"introduction" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"language" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"synthesis" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"concluded_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations__kind_valid" CHECK ("consultations"."kind" in ('draft', 'questions')),
	CONSTRAINT "consultations__audience_valid" CHECK ("consultations"."audience" in ('supporters', 'public')),
	CONSTRAINT "consultations__language_valid" CHECK ("consultations"."language" in ('en', 'fr')),
	CONSTRAINT "consultations__state_valid" CHECK ("consultations"."state" in ('draft', 'open', 'concluded'))
);
--> statement-breakpoint
ALTER TABLE "consultation_dispositions" ADD CONSTRAINT "consultation_dispositions_input_id_consultation_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."consultation_inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_dispositions" ADD CONSTRAINT "consultation_dispositions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_inputs" ADD CONSTRAINT "consultation_inputs_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_paragraphs" ADD CONSTRAINT "consultation_paragraphs_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_dispositions__version" ON "consultation_dispositions" USING btree ("input_id","version");--> statement-breakpoint
CREATE INDEX "consultation_dispositions__consultation" ON "consultation_dispositions" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_inputs__number" ON "consultation_inputs" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE INDEX "consultation_inputs__author" ON "consultation_inputs" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_paragraphs__number" ON "consultation_paragraphs" USING btree ("consultation_id","text","number");--> statement-breakpoint
CREATE INDEX "consultations__group" ON "consultations" USING btree ("group_id");