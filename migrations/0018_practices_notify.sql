-- Pages that show principles, norms, the crosswalk, practices or reports are kept in the response cache; a change
-- made by another process (the CLI importer, a second server) must drop them too, as registry changes do (0001).
CREATE TRIGGER principles__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON principles
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER norms__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON norms
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER principle_norm_links__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON principle_norm_links
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER practices__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practices
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER implementation_reports__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON implementation_reports
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER implementation_report_sections__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON implementation_report_sections
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
