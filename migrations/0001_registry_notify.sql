-- Tell every server process that the registry changed, so response caches are dropped on the next request
-- even when the change came from another process (the CLI importer, a second server).
CREATE OR REPLACE FUNCTION supporters_notify_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('registry_changed', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER supporters__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supporters
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER call_documents__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON call_documents
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
