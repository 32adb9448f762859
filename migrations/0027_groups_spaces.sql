CREATE TABLE "group_co_chairs" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"supporter_id" text,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_document_versions" (
	"document_id" text NOT NULL,
	"number" integer NOT NULL,
	"files" jsonb NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_document_versions__pk" PRIMARY KEY("document_id","number")
);
--> statement-breakpoint
CREATE TABLE "group_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"kind" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"title" jsonb NOT NULL,
	"official_url" text,
	"published_on" date,
	"source_key" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_documents__kind_valid" CHECK ("group_documents"."kind" in ('draft', 'deliverable')),
	CONSTRAINT "group_documents__visibility_valid" CHECK ("group_documents"."visibility" in ('public', 'members'))
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"supporter_id" text,
	"state" text DEFAULT 'requested' NOT NULL,
	"message" text,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_memberships__role_valid" CHECK ("group_memberships"."role" in ('member', 'observer')),
	CONSTRAINT "group_memberships__state_valid" CHECK ("group_memberships"."state" in ('requested', 'accepted', 'declined', 'left', 'removed')),
	CONSTRAINT "group_memberships__member_has_organisation" CHECK ("group_memberships"."role" <> 'member' or "group_memberships"."supporter_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "group_news" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_news__visibility_valid" CHECK ("group_news"."visibility" in ('public', 'members'))
);
--> statement-breakpoint
ALTER TABLE "group_co_chairs" ADD CONSTRAINT "group_co_chairs_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_co_chairs" ADD CONSTRAINT "group_co_chairs_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_document_versions" ADD CONSTRAINT "group_document_versions_document_id_group_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."group_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_documents" ADD CONSTRAINT "group_documents_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_news" ADD CONSTRAINT "group_news_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_co_chairs__group" ON "group_co_chairs" USING btree ("group_id","position");--> statement-breakpoint
CREATE INDEX "group_documents__group" ON "group_documents" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_documents__source_key" ON "group_documents" USING btree ("source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "group_memberships__one_open" ON "group_memberships" USING btree ("group_id","user_id") WHERE "group_memberships"."state" in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "group_memberships__group_state" ON "group_memberships" USING btree ("group_id","state");--> statement-breakpoint
CREATE INDEX "group_news__group_created" ON "group_news" USING btree ("group_id","created_at");