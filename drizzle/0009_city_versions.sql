CREATE TABLE "commune_versions" (
	"commune_id" integer PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_versions" ADD CONSTRAINT "commune_versions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Not from drizzle's diff: the triggers that bump a commune's version with every write its judged statuses depend on,
-- inside the writer's transaction, so a cache in another process sees the change at its next read.
CREATE FUNCTION bump_commune_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target integer;
BEGIN
  IF TG_TABLE_NAME = 'communes' THEN
    target := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.id END;
  ELSE
    target := CASE WHEN TG_OP = 'DELETE' THEN OLD.commune_id ELSE NEW.commune_id END;
  END IF;
  IF target IS NOT NULL THEN
    INSERT INTO commune_versions (commune_id, version) VALUES (target, 1)
      ON CONFLICT (commune_id) DO UPDATE SET version = commune_versions.version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tasks_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER task_occurrence_completions_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON task_occurrence_completions FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER plans_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON plans FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER report_periods_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON report_periods FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER reports_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER communes_bump_commune_version AFTER INSERT OR UPDATE ON communes FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
