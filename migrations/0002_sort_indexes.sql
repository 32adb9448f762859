DROP INDEX "supporters__sort_name";--> statement-breakpoint
CREATE INDEX "supporters__joined_on_sort" ON "supporters" USING btree ("joined_on","sort_name");--> statement-breakpoint
CREATE INDEX "supporters__joined_on_desc_sort" ON "supporters" USING btree ("joined_on" DESC NULLS LAST,"sort_name");--> statement-breakpoint
CREATE INDEX "supporters__country_sort" ON "supporters" USING btree ("country_code","sort_name");--> statement-breakpoint
CREATE INDEX "supporters__sort_name" ON "supporters" USING btree ("sort_name","slug");