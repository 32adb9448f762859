CREATE TABLE "incident_crosswalk" (
	"key" text PRIMARY KEY NOT NULL,
	"entry" jsonb NOT NULL,
	"edited_by" text,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_scoring_configs" (
	"version" integer PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_scoring_configs__version_positive" CHECK ("incident_scoring_configs"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"supporter_id" text NOT NULL,
	"author_user_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"tlp" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"aware_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"users_affected" integer,
	"outlook" text NOT NULL,
	"facts" jsonb NOT NULL,
	"config_version" integer NOT NULL,
	"classification" jsonb NOT NULL,
	"score" real NOT NULL,
	"early_warning_sent_at" timestamp with time zone,
	"notification_sent_at" timestamp with time zone,
	"final_report_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents__tlp_valid" CHECK ("incidents"."tlp" in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
	CONSTRAINT "incidents__language_valid" CHECK ("incidents"."language" in ('en', 'fr')),
	CONSTRAINT "incidents__outlook_valid" CHECK ("incidents"."outlook" in ('improving', 'stable', 'worsening')),
	CONSTRAINT "incidents__aware_after_detected" CHECK ("incidents"."aware_at" >= "incidents"."detected_at")
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_config_version_incident_scoring_configs_version_fk" FOREIGN KEY ("config_version") REFERENCES "public"."incident_scoring_configs"("version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents__supporter_aware" ON "incidents" USING btree ("supporter_id","aware_at");