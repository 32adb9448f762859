-- The calendar page and the ICS feeds are kept in the response cache; a change to events made by another process (the
-- CLI importer, a second server) must drop them too, as registry changes do (0001, 0018). Registrations are not
-- announced: the pages showing places left are never cached.
CREATE TRIGGER events__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
