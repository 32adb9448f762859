ALTER TABLE "principles" ADD COLUMN "edited_by" text;--> statement-breakpoint
-- Principles renamed before the column existed were known from their audit entries: carry the last editor over.
UPDATE "principles" SET "edited_by" = (
  SELECT "actor" FROM "audit_log"
  WHERE "action" = 'call.principle.edit' AND "subject" = 'principle:' || "principles"."number"
  ORDER BY "at" DESC LIMIT 1
);
