CREATE TABLE "norms" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"paragraph" text NOT NULL,
	"position" integer NOT NULL,
	"text" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"fr_wording" text,
	"edited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "norms__fr_wording" CHECK ("norms"."fr_wording" is null or "norms"."fr_wording" in ('g7', 'un'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "norms__code" ON "norms" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "norms__position" ON "norms" USING btree ("position");