-- Not from drizzle's diff (custom migration): the commune dashboard caches its judged tasks per commune and day,
-- keyed by commune_versions (0009). Besides the rows statuses come from, the dashboard shows the tasks' units and
-- assignees, the units' and people's names and the plan's targets: their writes bump the commune's version too,
-- in the writer's transaction, so a cache in any process sees them at its next read.
-- (plan_targets already bumps it: 0012_city_directives.)
CREATE TRIGGER task_units_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON task_units FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER task_assignees_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON task_assignees FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER units_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
-- A person's name shows on the tasks assigned to them (and the completions they returned); other edits of users do not.
CREATE TRIGGER users_bump_commune_version AFTER UPDATE OF full_name ON users FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name) EXECUTE FUNCTION bump_commune_version();
