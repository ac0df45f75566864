ALTER TABLE "notifications" DROP CONSTRAINT "notifications_rule_check";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_rule_check";--> statement-breakpoint
DROP INDEX "reminder_deliveries_key_uq";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "period_id" integer;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "period_id" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD COLUMN "report_before_due_working_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD COLUMN "report_on_late" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_key_uq" ON "reminder_deliveries" USING btree ("commune_id","rule","task_id","period_id","occurrence_due","recipient_id","channel");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_check" CHECK ("notifications"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_rule_check" CHECK ("reminder_deliveries"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_report_days_check" CHECK ("reminder_settings"."report_before_due_working_days" BETWEEN 0 AND 30);