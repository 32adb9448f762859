CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"agenda" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"all_day" boolean NOT NULL,
	"start_date" date,
	"end_date" date,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"time_zone" text,
	"address" text,
	"city" text,
	"country" text,
	"link" text,
	"link_title" text,
	"hashtag" text,
	"openness" text DEFAULT 'public' NOT NULL,
	"capacity" integer,
	"registration_open" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"minutes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recording_url" text,
	"minutes_published_at" timestamp with time zone,
	"source_key" text,
	"edited_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events__state_valid" CHECK ("events"."state" in ('scheduled', 'cancelled')),
	CONSTRAINT "events__openness_valid" CHECK ("events"."openness" in ('public', 'by-invitation')),
	CONSTRAINT "events__capacity_positive" CHECK ("events"."capacity" is null or "events"."capacity" > 0),
	CONSTRAINT "events__sequence_positive" CHECK ("events"."sequence" >= 0),
	CONSTRAINT "events__when_valid" CHECK (("events"."all_day" and "events"."start_date" is not null and "events"."end_date" is not null and "events"."end_date" >= "events"."start_date" and "events"."starts_at" is null and "events"."ends_at" is null)
        or (not "events"."all_day" and "events"."starts_at" is not null and "events"."ends_at" is not null and "events"."ends_at" > "events"."starts_at" and "events"."time_zone" is not null and "events"."start_date" is null and "events"."end_date" is null))
);
--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"email" text NOT NULL,
	"invited_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"user_id" text NOT NULL,
	"state" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations__state_valid" CHECK ("event_registrations"."state" in ('registered', 'waiting', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events__uid" ON "events" USING btree ("uid");--> statement-breakpoint
CREATE UNIQUE INDEX "events__source_key" ON "events" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "events__group_start" ON "events" USING btree ("group_id","start_date","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations__event_email" ON "event_invitations" USING btree ("event_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations__event_user" ON "event_registrations" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "event_registrations__event_state" ON "event_registrations" USING btree ("event_id","state","position");