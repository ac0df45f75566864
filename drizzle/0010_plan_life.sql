CREATE TABLE "amendment_proposals" (
	"id" serial NOT NULL,
	"commune_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"amendment_id" integer,
	"unit_id" integer,
	"kind" varchar(16) NOT NULL,
	"task_id" integer,
	"change" jsonb NOT NULL,
	"before" jsonb,
	"reason" text NOT NULL,
	"status" varchar(10) DEFAULT 'proposed' NOT NULL,
	"proposed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendment_proposals_pkey" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "amendment_proposals_kind_check" CHECK ("amendment_proposals"."kind" IN ('add_task', 'drop_task', 'reschedule', 'change_lead', 'change_product')),
	CONSTRAINT "amendment_proposals_status_check" CHECK ("amendment_proposals"."status" IN ('proposed', 'gathered', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "plan_amendments" (
	"id" serial NOT NULL,
	"commune_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"title" varchar(500) NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"decision_number" varchar(60),
	"decision_date" date,
	"version" integer,
	"created_by" integer,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_amendments_pkey" PRIMARY KEY("commune_id","id"),
	CONSTRAINT "plan_amendments_status_check" CHECK ("plan_amendments"."status" IN ('open', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"commune_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"version" integer NOT NULL,
	"in_force_from" date NOT NULL,
	"document_number" varchar(60),
	"document_date" date,
	"amendment_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_pkey" PRIMARY KEY("commune_id","plan_id","version")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity_check";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_status_check";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "signer" varchar(200);--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "final_result" jsonb;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "previous_plan_id" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document_name" varchar(255);--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document_mime" varchar(120);--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document_path" varchar(300);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "active_from" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "added_on" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "removed_on" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "not_done_on" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "carried_from_task_id" integer;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_amendment_fk" FOREIGN KEY ("commune_id","amendment_id") REFERENCES "public"."plan_amendments"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_task_fk" FOREIGN KEY ("commune_id","task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposals" ADD CONSTRAINT "amendment_proposals_unit_fk" FOREIGN KEY ("commune_id","unit_id") REFERENCES "public"."units"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_fk" FOREIGN KEY ("commune_id","plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendment_proposals_plan_idx" ON "amendment_proposals" USING btree ("commune_id","plan_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_previous_fk" FOREIGN KEY ("commune_id","previous_plan_id") REFERENCES "public"."plans"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_carried_from_fk" FOREIGN KEY ("commune_id","carried_from_task_id") REFERENCES "public"."tasks"("commune_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity_check" CHECK ("audit_log"."entity" IN ('plan', 'plan_amendment', 'task', 'user', 'unit', 'commune', 'calendar', 'dossiers', 'report', 'report_template'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_check" CHECK ("plans"."status" IN ('draft', 'submitted', 'issued', 'closed'));