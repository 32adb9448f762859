CREATE TABLE "contact_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"is_24x7" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_channels__kind_valid" CHECK ("contact_channels"."kind" in ('email', 'phone', 'sms', 'portal', 'signal'))
);
--> statement-breakpoint
CREATE TABLE "contact_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"algorithm" text NOT NULL,
	"user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"key_created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"armored" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"supporter_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text NOT NULL,
	"user_id" text,
	"state" text DEFAULT 'invited' NOT NULL,
	"time_zone" text NOT NULL,
	"weekly_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"rfc2350_url" text,
	"security_txt_url" text,
	"cvd_policy_url" text,
	"published" boolean DEFAULT false NOT NULL,
	"escalation_order" integer DEFAULT 0 NOT NULL,
	"attestation_days" integer DEFAULT 90 NOT NULL,
	"attested_at" timestamp with time zone,
	"nominated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts__role_valid" CHECK ("contacts"."role" in ('diplomatic', 'technical', 'policy', 'legal', 'psirt')),
	CONSTRAINT "contacts__state_valid" CHECK ("contacts"."state" in ('invited', 'active', 'stale', 'withdrawn')),
	CONSTRAINT "contacts__attestation_days_valid" CHECK ("contacts"."attestation_days" between 7 and 400)
);
--> statement-breakpoint
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants__role_valid";--> statement-breakpoint
ALTER TABLE "contact_channels" ADD CONSTRAINT "contact_channels_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_keys" ADD CONSTRAINT "contact_keys_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_channels__contact" ON "contact_channels" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_keys__contact_fingerprint" ON "contact_keys" USING btree ("contact_id","fingerprint");--> statement-breakpoint
CREATE INDEX "contacts__supporter" ON "contacts" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "contacts__user" ON "contacts" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants__role_valid" CHECK (("role_grants"."role" in ('representative', 'contact') and "role_grants"."scope_kind" = 'supporter') or ("role_grants"."role" in ('co-chair', 'member', 'observer') and "role_grants"."scope_kind" = 'group'));