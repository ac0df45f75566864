CREATE TABLE "city_directives" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"number" varchar(60) NOT NULL,
	"issued_on" date NOT NULL,
	"area" integer NOT NULL,
	"content" text NOT NULL,
	"timeframe_text" text NOT NULL,
	"product" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_directives_area_check" CHECK ("city_directives"."area" BETWEEN 1 AND 7)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_check";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "directive_id" integer;--> statement-breakpoint
ALTER TABLE "city_directives" ADD CONSTRAINT "city_directives_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_directives" ADD CONSTRAINT "city_directives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "city_directives_city_number_uq" ON "city_directives" USING btree ("city_id","number","issued_on");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_directive_id_city_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."city_directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_directive_uq" ON "tasks" USING btree ("directive_id","commune_id") WHERE "tasks"."directive_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_check" CHECK ("audit_log"."entity" IN ('plan', 'plan_amendment', 'task', 'user', 'unit', 'commune', 'calendar', 'dossiers', 'report', 'report_template', 'city_request', 'city_directive'));--> statement-breakpoint
-- Not from drizzle's diff: the city overview's "chỉ tiêu đạt" reads the plan's targets, their links and figures,
-- and the commune's dossiers, so a write to any of them moves the commune's version too (cache of overview rows).
CREATE TRIGGER plan_targets_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON plan_targets FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER target_links_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON target_links FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
CREATE TRIGGER target_figures_bump_commune_version AFTER INSERT OR UPDATE OR DELETE ON target_figures FOR EACH ROW EXECUTE FUNCTION bump_commune_version();
--> statement-breakpoint
-- Dossiers arrive by the hundred thousand (uploads, sync, COPY): one bump per commune per statement, from its transition table.
CREATE FUNCTION bump_commune_versions_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO commune_versions (commune_id, version)
    SELECT DISTINCT commune_id, 1 FROM changed_rows
    ON CONFLICT (commune_id) DO UPDATE SET version = commune_versions.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossiers_insert_bump_commune_version AFTER INSERT ON dossiers REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_commune_versions_of_rows();
--> statement-breakpoint
CREATE TRIGGER dossiers_update_bump_commune_version AFTER UPDATE ON dossiers REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_commune_versions_of_rows();
--> statement-breakpoint
CREATE TRIGGER dossiers_delete_bump_commune_version AFTER DELETE ON dossiers REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_commune_versions_of_rows();
