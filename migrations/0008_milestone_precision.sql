ALTER TABLE "registry_milestones" ADD COLUMN "on_precision" text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_milestones" ADD CONSTRAINT "registry_milestones__on_precision_valid" CHECK ("registry_milestones"."on_precision" in ('day', 'month'));--> statement-breakpoint
-- Rows loaded from the reference bundle before the precision was recorded: the January 2022 statement gives a month.
UPDATE "registry_milestones" SET "on_precision" = 'month' WHERE "key" = '2022-01';
