CREATE TABLE "city_requests" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"task_id" integer,
	"period_id" integer,
	"message" text NOT NULL,
	"sent_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	CONSTRAINT "city_requests_pkey" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "city_requests_subject_check" CHECK ("city_requests"."task_id" IS NULL OR "city_requests"."period_id" IS NULL),
	CONSTRAINT "city_requests_answer_check" CHECK (("city_requests"."answer" IS NULL) = ("city_requests"."answered_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_rule_check";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_rule_check";--> statement-breakpoint
ALTER TABLE "city_requests" ADD CONSTRAINT "city_requests_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_requests" ADD CONSTRAINT "city_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_requests" ADD CONSTRAINT "city_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_requests" ADD CONSTRAINT "city_requests_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_requests" ADD CONSTRAINT "city_requests_period_fk" FOREIGN KEY ("commune_id","period_id") REFERENCES "public"."report_periods"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "city_requests_task_idx" ON "city_requests" USING btree ("commune_id","task_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_check" CHECK ("audit_log"."entity" IN ('plan', 'plan_amendment', 'task', 'user', 'unit', 'commune', 'calendar', 'dossiers', 'report', 'report_template', 'city_request'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_check" CHECK ("notifications"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'city_request', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_rule_check" CHECK ("reminder_deliveries"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'city_request', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));