CREATE TABLE "cvd_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"language" text NOT NULL,
	"marking" text DEFAULT 'AMBER' NOT NULL,
	"coordinator_supporter_id" text,
	"opened_by" text,
	"state" text DEFAULT 'open' NOT NULL,
	"embargo_at" timestamp with time zone,
	"embargo_zone" text,
	"embargo_version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"tracking_id" text,
	"csaf" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cvd_cases__state_valid" CHECK ("cvd_cases"."state" in ('open', 'published')),
	CONSTRAINT "cvd_cases__marking_valid" CHECK ("cvd_cases"."marking" in ('GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
--> statement-breakpoint
CREATE TABLE "cvd_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"supporter_id" text NOT NULL,
	"invited_by" text NOT NULL,
	"ack_version" integer,
	"ack_at" timestamp with time zone,
	"ack_by" text,
	"statement" text DEFAULT '' NOT NULL,
	"statement_language" text DEFAULT 'en' NOT NULL,
	"statement_state" text DEFAULT 'none' NOT NULL,
	"statement_review" text DEFAULT '' NOT NULL,
	"reminders" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cvd_participants__statement_state_valid" CHECK ("cvd_participants"."statement_state" in ('none', 'draft', 'submitted', 'changes-requested', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "cvd_products" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cvd_states" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"vulnerability_id" text NOT NULL,
	"state" text DEFAULT 'no-response' NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cvd_states__state_valid" CHECK ("cvd_states"."state" in ('no-response', 'under-investigation', 'affected', 'not-affected', 'fixed'))
);
--> statement-breakpoint
CREATE TABLE "cvd_vulnerabilities" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"title" text NOT NULL,
	"cwe" text,
	"cve" text,
	"cvss31_vector" text,
	"cvss31_score" text,
	"cvss40_vector" text,
	"cvss40_score" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cvd_cases" ADD CONSTRAINT "cvd_cases_coordinator_supporter_id_supporters_id_fk" FOREIGN KEY ("coordinator_supporter_id") REFERENCES "public"."supporters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_cases" ADD CONSTRAINT "cvd_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_participants" ADD CONSTRAINT "cvd_participants_case_id_cvd_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cvd_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_participants" ADD CONSTRAINT "cvd_participants_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_participants" ADD CONSTRAINT "cvd_participants_ack_by_users_id_fk" FOREIGN KEY ("ack_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_products" ADD CONSTRAINT "cvd_products_case_id_cvd_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cvd_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_products" ADD CONSTRAINT "cvd_products_participant_id_cvd_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cvd_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_states" ADD CONSTRAINT "cvd_states_case_id_cvd_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cvd_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_states" ADD CONSTRAINT "cvd_states_participant_id_cvd_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cvd_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_states" ADD CONSTRAINT "cvd_states_vulnerability_id_cvd_vulnerabilities_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."cvd_vulnerabilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_states" ADD CONSTRAINT "cvd_states_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cvd_vulnerabilities" ADD CONSTRAINT "cvd_vulnerabilities_case_id_cvd_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cvd_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cvd_cases__tracking_id" ON "cvd_cases" USING btree ("tracking_id");--> statement-breakpoint
CREATE INDEX "cvd_cases__published" ON "cvd_cases" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cvd_participants__case_supporter" ON "cvd_participants" USING btree ("case_id","supporter_id");--> statement-breakpoint
CREATE INDEX "cvd_participants__supporter" ON "cvd_participants" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "cvd_products__case" ON "cvd_products" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cvd_states__participant_vulnerability" ON "cvd_states" USING btree ("participant_id","vulnerability_id");--> statement-breakpoint
CREATE INDEX "cvd_states__case" ON "cvd_states" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cvd_vulnerabilities__case" ON "cvd_vulnerabilities" USING btree ("case_id");