-- A working group's page lists its consultations (title, phase, deadline) and is kept in the response cache; a change
-- made by another process (a second server) must drop it too, as registry changes do (0001, 0018).
CREATE TRIGGER consultations__notify_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consultations
FOR EACH STATEMENT EXECUTE FUNCTION supporters_notify_changed();
