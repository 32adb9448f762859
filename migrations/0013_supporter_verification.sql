-- Each supporter's public verification level and its date (issue 14, item 10). Every row already there starts as
-- imported from the official registry (the column's default); the statements after the generated ones date those rows
-- and give the entries approved on the platform the level their approval established.
ALTER TABLE "supporters" ADD COLUMN "verification_level" text DEFAULT 'official-registry' NOT NULL;--> statement-breakpoint
ALTER TABLE "supporters" ADD COLUMN "verified_on" date;--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters__verification_level_valid" CHECK ("supporters"."verification_level" in ('official-registry', 'secretariat-review', 'email-domain', 'website', 'diplomatic-route'));--> statement-breakpoint
-- Imported entries: dated by the day they first appeared in the official registry, else their join date.
UPDATE "supporters" SET "verified_on" = coalesce("first_seen", "joined_on") WHERE "platform_change" IS NULL OR "platform_change" = 'edited';--> statement-breakpoint
-- Entries published or claimed on the platform were at least reviewed by the secretariat, on the day of the change...
UPDATE "supporters" SET "verification_level" = 'secretariat-review', "verified_on" = ("platform_changed_at" at time zone 'UTC')::date
  WHERE "platform_change" in ('joined', 'claimed');--> statement-breakpoint
-- ...and have what the evidence of their latest approved join or claim proved, as approvals now record it (a note
-- verbale, else the website's verification code, else the e-mail domain), dated that approval.
UPDATE "supporters" AS s SET "verification_level" = a."level", "verified_on" = a."on"
  FROM (
    SELECT DISTINCT ON ("supporter_id") "supporter_id",
      CASE
        WHEN coalesce(trim("note_verbale"), '') <> '' THEN 'diplomatic-route'
        WHEN "signals" @> '[{"kind": "well-known", "status": "pass"}]' OR "signals" @> '[{"kind": "dns-txt", "status": "pass"}]' THEN 'website'
        WHEN "signals" @> '[{"kind": "email-domain", "status": "pass"}]' THEN 'email-domain'
        ELSE 'secretariat-review'
      END AS "level",
      ("decided_at" at time zone 'UTC')::date AS "on"
    FROM "applications"
    WHERE "status" = 'approved' AND "kind" in ('join', 'claim') AND "supporter_id" IS NOT NULL AND "decided_at" IS NOT NULL
    ORDER BY "supporter_id", "decided_at" DESC
  ) AS a
  WHERE s."id" = a."supporter_id" AND s."platform_change" in ('joined', 'claimed');--> statement-breakpoint
-- The facet counts now group by the level too: the hand-written covering index of 0003 gains the column.
DROP INDEX IF EXISTS "supporters__facets";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "supporters__facets" ON "supporters" ("category", "country_code", "nature_key", "joined_year", "verification_level") INCLUDE ("nature") WHERE "status" = 'published';
