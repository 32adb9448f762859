ALTER TABLE "jobs" DROP CONSTRAINT "jobs__status_valid";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs__version_positive" CHECK ("jobs"."version" >= 1);--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs__status_valid" CHECK ("jobs"."status" in ('pending', 'running', 'done', 'dead', 'parked'));