CREATE TABLE "notifications" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"user_id" integer NOT NULL,
	"rule" varchar(20) NOT NULL,
	"task_id" integer,
	"occurrence_due" date,
	"title" varchar(300) NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_commune_id_id_pk" PRIMARY KEY("commune_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"commune_id" integer NOT NULL,
	"id" serial NOT NULL,
	"rule" varchar(20) NOT NULL,
	"task_id" integer NOT NULL,
	"occurrence_due" date NOT NULL,
	"recipient_id" integer NOT NULL,
	"channel" varchar(10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "reminder_deliveries_commune_id_id_pk" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "reminder_deliveries_rule_check" CHECK ("reminder_deliveries"."rule" IN ('before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported')),
	CONSTRAINT "reminder_deliveries_channel_check" CHECK ("reminder_deliveries"."channel" IN ('in_app', 'email'))
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"commune_id" integer PRIMARY KEY NOT NULL,
	"before_due_working_days" integer DEFAULT 3 NOT NULL,
	"on_overdue" boolean DEFAULT true NOT NULL,
	"weekly_digest" boolean DEFAULT true NOT NULL,
	"weekly_summary" boolean DEFAULT true NOT NULL,
	"done_notice" boolean DEFAULT true NOT NULL,
	"weekly_day" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_days_check" CHECK ("reminder_settings"."before_due_working_days" BETWEEN 0 AND 30),
	CONSTRAINT "reminder_settings_weekly_day_check" CHECK ("reminder_settings"."weekly_day" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" varchar(254);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_key_uq" ON "reminder_deliveries" USING btree ("commune_id","rule","task_id","occurrence_due","recipient_id","channel");