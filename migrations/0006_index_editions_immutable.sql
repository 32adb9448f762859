-- A published index edition is citable: no UPDATE or DELETE may touch it, whoever runs the statement. The use cases
-- refuse first with a clear error; this is the guarantee underneath (a correction is a new edition).
-- Publishing itself is the UPDATE of a draft (OLD.status = 'draft'), so it passes.
CREATE OR REPLACE FUNCTION index_editions_refuse_published_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'index edition % is published and immutable', OLD.slug
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER index_editions__immutable_when_published
BEFORE UPDATE OR DELETE ON index_editions
FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION index_editions_refuse_published_change();
