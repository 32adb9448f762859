CREATE TABLE "groups" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"mandate" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"source_key" text,
	"edited_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups__state_valid" CHECK ("groups"."state" in ('active', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "groups__slug" ON "groups" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "groups__number" ON "groups" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "groups__source_key" ON "groups" USING btree ("source_key");