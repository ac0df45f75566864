CREATE TABLE "inspection_checklist_items" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"inspection_id" integer NOT NULL,
	"area_code" varchar(4) NOT NULL,
	"item_code" varchar(80) NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"result" varchar(14),
	"comment" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '{"fileIds":[],"taskIds":[],"reportIds":[],"links":[]}'::jsonb NOT NULL,
	"request" text,
	"finding_id" integer,
	"updated_by" integer,
	"updated_at" timestamp with time zone,
	"client_updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_checklist_items_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_checklist_area_check" CHECK ("inspection_checklist_items"."area_code" IN ('I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'KH', 'PT')),
	CONSTRAINT "inspection_checklist_result_check" CHECK ("inspection_checklist_items"."result" IS NULL OR "inspection_checklist_items"."result" IN ('dat', 'chua_dat', 'khong_ap_dung'))
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"inspection_id" integer NOT NULL,
	"checklist_item_id" integer NOT NULL,
	"owner_unit_id" integer NOT NULL,
	"area_code" varchar(4) NOT NULL,
	"title" text NOT NULL,
	"request" text NOT NULL,
	"deadline" date NOT NULL,
	"status" varchar(14) DEFAULT 'open' NOT NULL,
	"fix_report" text,
	"fix_evidence" jsonb DEFAULT '{"fileIds":[],"taskIds":[],"reportIds":[],"links":[]}'::jsonb NOT NULL,
	"fix_reported_on" date,
	"closed_on" date,
	"re_inspection_id" integer,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_findings_status_check" CHECK ("inspection_findings"."status" IN ('open', 'fix_reported', 'accepted', 'reopened'))
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"year" integer NOT NULL,
	"period" varchar(2) NOT NULL,
	"title" text NOT NULL,
	"number" varchar(60) DEFAULT '' NOT NULL,
	"signed_on" date,
	"review_from" date NOT NULL,
	"review_to" date,
	"areas" jsonb NOT NULL,
	"reviewed_plan_id" integer,
	"forms" jsonb NOT NULL,
	"coverage_goal_percent" integer DEFAULT 30 NOT NULL,
	"visit_month" varchar(7),
	"self_report_deadline" date,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"source_file_name" varchar(255),
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_plans_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_plans_period_check" CHECK ("inspection_plans"."period" IN ('H1', 'H2', 'Y')),
	CONSTRAINT "inspection_plans_status_check" CHECK ("inspection_plans"."status" IN ('draft', 'issued', 'closed')),
	CONSTRAINT "inspection_plans_goal_check" CHECK ("inspection_plans"."coverage_goal_percent" BETWEEN 1 AND 100),
	CONSTRAINT "inspection_plans_window_check" CHECK ("inspection_plans"."review_to" IS NULL OR "inspection_plans"."review_from" <= "inspection_plans"."review_to")
);
--> statement-breakpoint
CREATE TABLE "inspection_team" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"plan_id" integer,
	"inspection_id" integer,
	"user_id" integer NOT NULL,
	"role" varchar(8) NOT NULL,
	CONSTRAINT "inspection_team_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspection_team_role_check" CHECK ("inspection_team"."role" IN ('leader', 'member')),
	CONSTRAINT "inspection_team_owner_check" CHECK (("inspection_team"."plan_id" IS NULL) <> ("inspection_team"."inspection_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" varchar(14) DEFAULT 'inspection' NOT NULL,
	"re_inspection_of" integer,
	"visit_date" date NOT NULL,
	"surprise" boolean DEFAULT false NOT NULL,
	"self_report_due" date,
	"notice_sent_at" timestamp with time zone,
	"self_report_period_id" integer,
	"self_report_id" integer,
	"status" varchar(14) DEFAULT 'planned' NOT NULL,
	"conclusion" text,
	"concluded_on" date,
	"minutes_file_id" integer,
	"conclusion_file_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" IN ('inspection', 're_inspection')),
	CONSTRAINT "inspections_status_check" CHECK ("inspections"."status" IN ('planned', 'notified', 'self_reported', 'visited', 'concluded', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_rule_check";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_rule_check";--> statement-breakpoint
ALTER TABLE "report_periods" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "inspection_checklist_items" ADD CONSTRAINT "inspection_checklist_items_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_items" ADD CONSTRAINT "inspection_checklist_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist_items" ADD CONSTRAINT "inspection_checklist_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspections"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspections"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_item_fk" FOREIGN KEY ("commune_id","checklist_item_id") REFERENCES "public"."inspection_checklist_items"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_unit_fk" FOREIGN KEY ("commune_id","owner_unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_re_fk" FOREIGN KEY ("commune_id","re_inspection_id") REFERENCES "public"."inspections"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_reviewed_plan_fk" FOREIGN KEY ("commune_id","reviewed_plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."inspection_plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspections"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."inspection_plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_re_of_fk" FOREIGN KEY ("commune_id","re_inspection_of") REFERENCES "public"."inspections"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_period_fk" FOREIGN KEY ("commune_id","self_report_period_id") REFERENCES "public"."report_periods"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_report_fk" FOREIGN KEY ("commune_id","self_report_id") REFERENCES "public"."reports"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_code_uq" ON "inspection_checklist_items" USING btree ("commune_id","inspection_id","item_code");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_item_uq" ON "inspection_findings" USING btree ("commune_id","checklist_item_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_unit_idx" ON "inspection_findings" USING btree ("commune_id","owner_unit_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_year_idx" ON "inspection_plans" USING btree ("commune_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_plan_user_uq" ON "inspection_team" USING btree ("commune_id","plan_id","user_id") WHERE "inspection_team"."plan_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_inspection_user_uq" ON "inspection_team" USING btree ("commune_id","inspection_id","user_id") WHERE "inspection_team"."inspection_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inspection_team_user_idx" ON "inspection_team" USING btree ("commune_id","user_id");--> statement-breakpoint
CREATE INDEX "inspections_plan_idx" ON "inspections" USING btree ("commune_id","plan_id");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("commune_id","unit_id");--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_check" CHECK ("audit_log"."entity" IN ('plan', 'plan_amendment', 'task', 'user', 'unit', 'commune', 'calendar', 'dossiers', 'report', 'report_template', 'city_request', 'inspection_plan', 'inspection', 'inspection_finding'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_check" CHECK ("notifications"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'city_request', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late', 'inspection_notice', 'finding_due', 'finding_overdue'));--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_rule_check" CHECK ("reminder_deliveries"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'city_request', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late', 'inspection_notice', 'finding_due', 'finding_overdue'));