ALTER TABLE "contacts" ADD COLUMN "country_code" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stale_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "reminded_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
CREATE INDEX "contacts__search_text_trgm" ON "contacts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts__name" ON "contacts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "contacts__country" ON "contacts" USING btree ("country_code");