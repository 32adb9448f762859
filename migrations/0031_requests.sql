CREATE TABLE "cooperation_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sender_supporter_id" text NOT NULL,
	"sender_user_id" text,
	"sender_name" text,
	"recipient_supporter_id" text NOT NULL,
	"recipient_role" text,
	"urgency" text NOT NULL,
	"sector" text NOT NULL,
	"requested_action" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"tlp" text NOT NULL,
	"pap" text,
	"state" text DEFAULT 'sent' NOT NULL,
	"outcome" text,
	"published" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_requests__kind_valid" CHECK ("cooperation_requests"."kind" in ('information', 'assistance', 'notification', 'acknowledgement')),
	CONSTRAINT "cooperation_requests__tlp_valid" CHECK ("cooperation_requests"."tlp" in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
	CONSTRAINT "cooperation_requests__state_valid" CHECK ("cooperation_requests"."state" in ('sent', 'acknowledged', 'answered', 'closed')),
	CONSTRAINT "cooperation_requests__published_clear" CHECK (not "cooperation_requests"."published" or "cooperation_requests"."tlp" = 'CLEAR')
);
--> statement-breakpoint
CREATE TABLE "cooperation_request_events" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"actor_name" text,
	"actor_supporter_id" text,
	"body" text,
	"language" text,
	"target_contact_id" text,
	"target_name" text,
	"decision" text,
	"outcome" text,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_request_recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"supporter_id" text NOT NULL,
	"contact_id" text,
	"user_id" text,
	"name" text,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_sender_supporter_id_supporters_id_fk" FOREIGN KEY ("sender_supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_recipient_supporter_id_supporters_id_fk" FOREIGN KEY ("recipient_supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_events" ADD CONSTRAINT "cooperation_request_events_request_id_cooperation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."cooperation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_events" ADD CONSTRAINT "cooperation_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_recipients" ADD CONSTRAINT "cooperation_request_recipients_request_id_cooperation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."cooperation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_recipients" ADD CONSTRAINT "cooperation_request_recipients_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_recipients" ADD CONSTRAINT "cooperation_request_recipients_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_request_recipients" ADD CONSTRAINT "cooperation_request_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_requests__sender" ON "cooperation_requests" USING btree ("sender_supporter_id");--> statement-breakpoint
CREATE INDEX "cooperation_requests__recipient" ON "cooperation_requests" USING btree ("recipient_supporter_id");--> statement-breakpoint
CREATE INDEX "cooperation_request_events__request" ON "cooperation_request_events" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "cooperation_request_events__actor" ON "cooperation_request_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "cooperation_request_recipients__request" ON "cooperation_request_recipients" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "cooperation_request_recipients__user" ON "cooperation_request_recipients" USING btree ("user_id");