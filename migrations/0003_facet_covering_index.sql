-- The faceted search groups every published supporter by its facet columns. This partial covering index lets
-- PostgreSQL answer that from the index alone, already sorted by group (measured at 100,000 rows: 43 ms -> 14 ms).
-- Written by hand because drizzle-kit does not express INCLUDE; see supporters.tables.ts.
CREATE INDEX IF NOT EXISTS "supporters__facets" ON "supporters" ("category", "country_code", "nature_key", "joined_year") INCLUDE ("nature") WHERE "status" = 'published';
