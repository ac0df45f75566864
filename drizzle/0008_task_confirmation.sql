ALTER TABLE "notifications" DROP CONSTRAINT "notifications_rule_check";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "reminder_deliveries_rule_check";--> statement-breakpoint
ALTER TABLE "task_history" DROP CONSTRAINT "task_history_kind_check";--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD COLUMN "confirmation" varchar(12) DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD COLUMN "evidence_file_id" integer;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD COLUMN "evidence_link" text;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD COLUMN "confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "confirmation" varchar(12);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "evidence_file_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "evidence_link" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "returned_occurrence" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "returned_by" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD CONSTRAINT "task_occurrence_completions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_check" CHECK ("notifications"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_rule_check" CHECK ("reminder_deliveries"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'));--> statement-breakpoint
ALTER TABLE "task_history" ADD CONSTRAINT "task_history_kind_check" CHECK ("task_history"."kind" IN ('created', 'edited', 'progress', 'comment', 'file', 'done', 'reopened', 'confirmed', 'returned'));--> statement-breakpoint
ALTER TABLE "task_occurrence_completions" ADD CONSTRAINT "task_occurrence_completions_confirmation_check" CHECK ("task_occurrence_completions"."confirmation" IN ('pending', 'confirmed'));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_confirmation_check" CHECK ("tasks"."confirmation" IN ('pending', 'confirmed'));--> statement-breakpoint
-- Completions recorded before confirmation existed were final: they stay done, as confirmed.
UPDATE "tasks" SET "confirmation" = 'confirmed' WHERE "done_at" IS NOT NULL;
