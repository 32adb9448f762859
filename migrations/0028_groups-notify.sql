-- A group's public pages are kept in the response cache; a change made by another process (the CLI importer, a second
-- server) must drop them too, as registry and practice changes do (0001, 0018).
CREATE TRIGGER groups__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON groups
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER group_co_chairs__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_co_chairs
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER group_memberships__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_memberships
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER group_documents__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_documents
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER group_document_versions__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_document_versions
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
--> statement-breakpoint
CREATE TRIGGER group_news__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_news
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
