CREATE TABLE "ping_exercises" (
	"id" text PRIMARY KEY NOT NULL,
	"supporter_id" text,
	"scope_supporter_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"channels" text[] NOT NULL,
	"window_minutes" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ping_exercises__state_valid" CHECK ("ping_exercises"."state" in ('scheduled', 'running', 'completed', 'cancelled')),
	CONSTRAINT "ping_exercises__window_valid" CHECK ("ping_exercises"."window_minutes" between 5 and 10080)
);
--> statement-breakpoint
CREATE TABLE "ping_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"exercise_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"supporter_id" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ping_targets__state_valid" CHECK ("ping_targets"."state" in ('pending', 'acknowledged', 'unreachable'))
);
--> statement-breakpoint
CREATE TABLE "pings" (
	"id" text PRIMARY KEY NOT NULL,
	"exercise_id" text NOT NULL,
	"target_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"channel_kind" text NOT NULL,
	"step" integer NOT NULL,
	"token_hash" text NOT NULL,
	"code" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"via" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pings__channel_valid" CHECK ("pings"."channel_kind" in ('email', 'phone', 'sms', 'portal', 'signal')),
	CONSTRAINT "pings__via_valid" CHECK ("pings"."via" is null or "pings"."via" in ('link', 'api', 'code', 'operator'))
);
--> statement-breakpoint
ALTER TABLE "ping_exercises" ADD CONSTRAINT "ping_exercises_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_exercise_id_ping_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."ping_exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_exercise_id_ping_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."ping_exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_target_id_ping_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."ping_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pings" ADD CONSTRAINT "pings_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ping_exercises__scheduled" ON "ping_exercises" USING btree ("scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ping_targets__exercise_contact" ON "ping_targets" USING btree ("exercise_id","contact_id");--> statement-breakpoint
CREATE INDEX "ping_targets__contact" ON "ping_targets" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pings__token_hash" ON "pings" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pings__code" ON "pings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "pings__exercise_due" ON "pings" USING btree ("exercise_id","due_at");--> statement-breakpoint
CREATE INDEX "pings__target" ON "pings" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "pings__contact" ON "pings" USING btree ("contact_id");