CREATE TABLE "registry_milestones" (
	"key" text PRIMARY KEY NOT NULL,
	"on" date NOT NULL,
	"total" integer,
	"by_category" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at_least" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications__kind_valid";--> statement-breakpoint
ALTER TABLE "index_editions" DROP CONSTRAINT "index_editions__status_valid";--> statement-breakpoint
ALTER TABLE "index_editions" DROP CONSTRAINT "index_editions__published_complete";--> statement-breakpoint
ALTER TABLE "supporters" ADD COLUMN "platform_change" text;--> statement-breakpoint
ALTER TABLE "supporters" ADD COLUMN "platform_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "index_editions" ADD COLUMN "is_pilot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "index_editions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "index_editions" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "index_editions" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters__platform_change_valid" CHECK ("supporters"."platform_change" is null or "supporters"."platform_change" in ('joined', 'claimed', 'edited'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications__kind_valid" CHECK ("applications"."kind" in ('join', 'edit', 'claim'));--> statement-breakpoint
ALTER TABLE "index_editions" ADD CONSTRAINT "index_editions__withdrawn_complete" CHECK ("index_editions"."status" <> 'withdrawn' or ("index_editions"."withdrawn_at" is not null and "index_editions"."withdrawn_by" is not null));--> statement-breakpoint
ALTER TABLE "index_editions" ADD CONSTRAINT "index_editions__status_valid" CHECK ("index_editions"."status" in ('draft', 'published', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "index_editions" ADD CONSTRAINT "index_editions__published_complete" CHECK ("index_editions"."status" = 'draft' or ("index_editions"."snapshot" is not null and "index_editions"."changes" is not null and "index_editions"."published_at" is not null and "index_editions"."published_by" is not null));--> statement-breakpoint
-- Entries the platform already changed keep that history: published through the platform, or edited (an approved edit
-- cleared source_hash), so a later import leaves them alone.
UPDATE "supporters" SET "platform_change" = 'joined', "platform_changed_at" = "updated_at" WHERE "source" LIKE 'platform%';--> statement-breakpoint
UPDATE "supporters" SET "platform_change" = 'edited', "platform_changed_at" = "updated_at" WHERE "platform_change" IS NULL AND "source_hash" IS NULL;--> statement-breakpoint
-- A published edition stays immutable, with one exception: its withdrawal (status, when, who, why; nothing else).
CREATE OR REPLACE FUNCTION index_editions_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'withdrawn'
     AND (to_jsonb(NEW) - 'status' - 'withdrawn_at' - 'withdrawn_by' - 'withdrawal_reason' - 'updated_at')
       = (to_jsonb(OLD) - 'status' - 'withdrawn_at' - 'withdrawn_by' - 'withdrawal_reason' - 'updated_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'index edition % is published and immutable', OLD.slug
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER index_editions__immutable_when_published ON index_editions;--> statement-breakpoint
CREATE TRIGGER index_editions__immutable_when_published
BEFORE UPDATE OR DELETE ON index_editions
FOR EACH ROW WHEN (OLD.status IN ('published', 'withdrawn')) EXECUTE FUNCTION index_editions_refuse_published_change();
