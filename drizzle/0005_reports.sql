CREATE TABLE "report_events" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"report_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"action" varchar(12) NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_events_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "report_events_action_check" CHECK ("report_events"."action" IN ('create', 'edit', 'submit', 'return', 'accept', 'consolidate', 'approve', 'send', 'city_return'))
);
--> statement-breakpoint
CREATE TABLE "report_periods" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"plan_id" integer NOT NULL,
	"code" varchar(10) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"label" varchar(100) NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"unit_deadline" date NOT NULL,
	"commune_deadline" date NOT NULL,
	"template_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_periods_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "report_periods_kind_check" CHECK ("report_periods"."kind" IN ('quarter', 'half_year', 'year')),
	CONSTRAINT "report_periods_window_check" CHECK ("report_periods"."window_start" <= "report_periods"."window_end"),
	CONSTRAINT "report_periods_deadlines_check" CHECK ("report_periods"."unit_deadline" <= "report_periods"."commune_deadline")
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"city_id" integer NOT NULL,
	"key" varchar(60) NOT NULL,
	"version" integer NOT NULL,
	"name" varchar(1000) NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"period_id" integer NOT NULL,
	"level" varchar(8) NOT NULL,
	"unit_id" integer,
	"template_id" integer NOT NULL,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"as_of" date NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narratives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"frozen" jsonb,
	"frozen_at" date,
	"submitted_on" date,
	"days_late" integer,
	"return_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "reports_level_check" CHECK ("reports"."level" IN ('unit', 'commune') AND ("reports"."level" = 'commune') = ("reports"."unit_id" IS NULL)),
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" IN ('draft', 'submitted', 'returned', 'accepted', 'approved', 'sent'))
);
--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_fk" FOREIGN KEY ("commune_id","report_id") REFERENCES "public"."reports"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_period_fk" FOREIGN KEY ("commune_id","period_id") REFERENCES "public"."report_periods"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("commune_id","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_id_uq" ON "report_periods" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_plan_code_uq" ON "report_periods" USING btree ("commune_id","plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_city_key_version_uq" ON "report_templates" USING btree ("city_id","key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_id_uq" ON "reports" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_uq" ON "reports" USING btree ("commune_id","period_id","unit_id") WHERE "reports"."unit_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_commune_uq" ON "reports" USING btree ("commune_id","period_id") WHERE "reports"."level" = 'commune';