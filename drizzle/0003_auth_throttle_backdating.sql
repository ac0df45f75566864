CREATE TABLE "login_throttle" (
	"scope" varchar(10) NOT NULL,
	"key" varchar(200) NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "login_throttle_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "task_history" ADD COLUMN "backdated_to" date;--> statement-breakpoint
ALTER TABLE "task_history" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;