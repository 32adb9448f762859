CREATE TABLE "role_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants__role_valid" CHECK (("role_grants"."role" = 'representative' and "role_grants"."scope_kind" = 'supporter') or ("role_grants"."role" in ('co-chair', 'member', 'observer') and "role_grants"."scope_kind" = 'group'))
);
--> statement-breakpoint
-- Representatives become scoped roles: each row is kept, with who invited them (null: approved with their application).
INSERT INTO "role_grants" ("id", "user_id", "role", "scope_kind", "scope_id", "granted_by", "granted_at")
SELECT 'grt_' || replace(gen_random_uuid()::text, '-', ''), "user_id", 'representative', 'supporter', "supporter_id",
       CASE WHEN "invited_by" IS NULL THEN NULL ELSE 'user:' || "invited_by" END, "created_at"
FROM "representatives";--> statement-breakpoint
DROP TABLE "representatives" CASCADE;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants__holder" ON "role_grants" USING btree ("user_id","role","scope_kind","scope_id");--> statement-breakpoint
CREATE INDEX "role_grants__scope" ON "role_grants" USING btree ("scope_kind","scope_id","role");