-- Not from drizzle's diff (custom migration): the commune dashboard keeps the commune's inspection rows in its
-- per-commune cache (keyed by commune_versions, 0009) and the city overview counts findings per commune from its
-- versioned row. Writes to the inspections, their plans (coverage goal), teams (who may see a surprise visit) and
-- findings bump the commune's version in the writer's transaction, so a cache in any process sees them at its next read.
CREATE TRIGGER inspections_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON inspections FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER inspection_plans_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON inspection_plans FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER inspection_team_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON inspection_team FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER inspection_findings_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON inspection_findings FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
