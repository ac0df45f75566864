-- Shard-ready keys: tenant tables get (commune_id, id) primary keys and foreign keys through commune_id.
-- drizzle-kit cannot name the old primary keys it drops; they are PostgreSQL's defaults (<table>_pkey), written here by hand.
ALTER TABLE "target_figures" DROP CONSTRAINT "target_figures_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "target_links" DROP CONSTRAINT "target_links_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "report_periods" DROP CONSTRAINT "report_periods_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "dossier_sync_tokens" DROP CONSTRAINT "dossier_sync_tokens_token_hash_unique";--> statement-breakpoint
DROP INDEX "report_periods_id_uq";--> statement-breakpoint
DROP INDEX "reports_id_uq";--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_task_id_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_targets" DROP CONSTRAINT "plan_targets_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "task_assignees" DROP CONSTRAINT "task_assignees_task_id_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "task_history" DROP CONSTRAINT "task_history_task_id_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "task_history" DROP CONSTRAINT "task_history_file_id_files_id_fk";
--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" DROP CONSTRAINT "task_occurrence_completions_task_id_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "task_units" DROP CONSTRAINT "task_units_task_id_tasks_id_fk";
--> statement-breakpoint
ALTER TABLE "task_units" DROP CONSTRAINT "task_units_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "unit_aliases" DROP CONSTRAINT "unit_aliases_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_unit_id_units_id_fk";
--> statement-breakpoint
DROP INDEX "plans_commune_idx";--> statement-breakpoint
DROP INDEX "tasks_commune_idx";--> statement-breakpoint
DROP INDEX "files_task_idx";--> statement-breakpoint
DROP INDEX "plan_targets_plan_idx";--> statement-breakpoint
DROP INDEX "task_history_task_idx";--> statement-breakpoint
DROP INDEX "task_units_unit_idx";--> statement-breakpoint
DROP INDEX "tasks_plan_idx";--> statement-breakpoint
ALTER TABLE "task_assignees" DROP CONSTRAINT "task_assignees_task_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" DROP CONSTRAINT "task_occurrence_completions_task_id_due_pk";--> statement-breakpoint
ALTER TABLE "task_units" DROP CONSTRAINT "task_units_task_id_unit_id_role_pk";--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_pkey";--> statement-breakpoint
ALTER TABLE "plan_targets" DROP CONSTRAINT "plan_targets_pkey";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_pkey";--> statement-breakpoint
ALTER TABLE "task_history" DROP CONSTRAINT "task_history_pkey";--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_pkey";--> statement-breakpoint
ALTER TABLE "unit_aliases" DROP CONSTRAINT "unit_aliases_pkey";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_pkey" PRIMARY KEY("commune_id","task_id","user_id");--> statement-breakpoint
ALTER TABLE "task_history" ADD CONSTRAINT "task_history_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD CONSTRAINT "task_occurrence_completions_pkey" PRIMARY KEY("commune_id","task_id","due");--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_pkey" PRIMARY KEY("commune_id","task_id","unit_id","role");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "unit_aliases" ADD CONSTRAINT "unit_aliases_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_pkey" PRIMARY KEY("commune_id","id");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_history" ADD CONSTRAINT "task_history_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_history" ADD CONSTRAINT "task_history_file_fk" FOREIGN KEY ("commune_id","file_id") REFERENCES "public"."files"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD CONSTRAINT "task_occurrence_completions_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_aliases" ADD CONSTRAINT "unit_aliases_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_task_idx" ON "files" USING btree ("commune_id","task_id");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("commune_id","plan_id");--> statement-breakpoint
CREATE INDEX "task_history_task_idx" ON "task_history" USING btree ("commune_id","task_id");--> statement-breakpoint
CREATE INDEX "task_units_unit_idx" ON "task_units" USING btree ("commune_id","unit_id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("commune_id","plan_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_check" CHECK ("audit_log"."entity" IN ('plan', 'task', 'user', 'unit', 'commune', 'calendar', 'dossiers', 'report', 'report_template'));--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_kind_check" CHECK ("calendar_overrides"."kind" IN ('day_off', 'working_day'));--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_kind_check" CHECK ("communes"."kind" IN ('xa', 'phuong'));--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_comparator_check" CHECK ("plan_targets"."comparator" IN ('>=', '<=', '=', '>', '<'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" IN ('annual', 'half_year', 'thematic', 'inspection'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_check" CHECK ("plans"."status" IN ('draft', 'issued', 'closed'));--> statement-breakpoint
ALTER TABLE "task_history" ADD CONSTRAINT "task_history_kind_check" CHECK ("task_history"."kind" IN ('created', 'edited', 'progress', 'comment', 'file', 'done', 'reopened'));--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_role_check" CHECK ("task_units"."role" IN ('lead', 'coordinator'));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_origin_check" CHECK ("tasks"."origin" IN ('plan', 'city_assigned'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_kind_check" CHECK ("units"."kind" IN ('internal', 'catch_all', 'outside'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('admin', 'leader', 'coordinator', 'unit_head', 'unit_staff', 'inspector', 'city_reviewer'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_placement_check" CHECK (("users"."commune_id" IS NOT NULL OR "users"."role" IN ('admin', 'city_reviewer'))
        AND ("users"."commune_id" IS NULL OR "users"."role" <> 'city_reviewer')
        AND ("users"."unit_id" IS NOT NULL OR "users"."role" NOT IN ('unit_head', 'unit_staff'))
        AND ("users"."unit_id" IS NULL OR "users"."commune_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "login_throttle" ADD CONSTRAINT "login_throttle_scope_check" CHECK ("login_throttle"."scope" IN ('account', 'address'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_check" CHECK ("notifications"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported'));;--> statement-breakpoint
ALTER TABLE "target_figures" ADD CONSTRAINT "target_figures_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_links" ADD CONSTRAINT "target_links_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_sync_tokens_token_idx" ON "dossier_sync_tokens" USING btree ("token_hash");
