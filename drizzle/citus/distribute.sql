-- Spreads cchc's tables over a Citus cluster, by commune. Applied by the migrator (src/server/db/citus.ts)
-- only on a server where the citus extension is available; elsewhere it is never read.
-- Each statement stands alone and is skipped when its table is already distributed, so a table added later
-- gets one new line here (src/server/db/citus.test.ts checks this file against the migrated schema).
-- Order matters: a table comes after every table its foreign keys point to.

-- A reference table may not point into a distributed one: the app keeps a user's unit in its commune itself.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_unit_fk;

-- Reference tables: rows of no single commune, copied to every worker (docs/ARCHITECTURE.md, "Reference tables").
SELECT create_reference_table('cities');
SELECT create_reference_table('calendar_overrides');
SELECT create_reference_table('login_throttle');
SELECT create_reference_table('communes');
SELECT create_reference_table('users');
SELECT create_reference_table('sessions');
SELECT create_reference_table('audit_log');
SELECT create_reference_table('report_templates');
-- The city's directives: one row for many communes; each commune's task (tasks.directive_id) points at it.
SELECT create_reference_table('city_directives');

-- Tenant tables: sharded by commune_id and co-located, so one commune's rows sit on one worker and the
-- composite foreign keys (commune_id, …_id) and a commune's joins stay on it.
SELECT create_distributed_table('units', 'commune_id');
SELECT create_distributed_table('unit_aliases', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('plans', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('plan_targets', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('target_figures', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('target_links', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('tasks', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('task_units', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('task_assignees', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('task_occurrence_completions', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('report_periods', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('reports', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('report_events', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('notifications', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('reminder_settings', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('reminder_deliveries', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('dossiers', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('dossier_days', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('dossier_mappings', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('dossier_sync_tokens', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('dossier_uploads', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('commune_versions', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('plan_versions', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('plan_amendments', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('amendment_proposals', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('city_requests', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('inspection_plans', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('inspections', 'commune_id', colocate_with => 'units');
-- files: after inspections too, since a file belongs to a task or an inspection; task_history points to files.
SELECT create_distributed_table('files', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('task_history', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('inspection_team', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('inspection_checklist_items', 'commune_id', colocate_with => 'units');
SELECT create_distributed_table('inspection_findings', 'commune_id', colocate_with => 'units');
