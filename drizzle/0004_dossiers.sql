CREATE TABLE "dossier_mappings" (
	"commune_id" integer NOT NULL,
	"source" varchar(100) NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_mappings_commune_id_source_pk" PRIMARY KEY("commune_id","source")
);--> statement-breakpoint
CREATE TABLE "dossier_sync_tokens" (
	"commune_id" integer PRIMARY KEY NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_sync_tokens_token_hash_unique" UNIQUE("token_hash")
);--> statement-breakpoint
CREATE TABLE "dossiers" (
	"commune_id" integer NOT NULL,
	"code" varchar(100) NOT NULL,
	"procedure_code" varchar(100),
	"procedure_name" text,
	"field" varchar(300),
	"unit_name" varchar(300),
	"channel" varchar(16) NOT NULL,
	"received_at" timestamp(3) NOT NULL,
	"appointment_start" timestamp(3) NOT NULL,
	"appointment_end" timestamp(3) NOT NULL,
	"ended_at" timestamp(3),
	"status" varchar(12) NOT NULL,
	"has_fee" boolean,
	"paid_online" boolean,
	"digitised" boolean,
	"electronic_result" boolean,
	"rating" varchar(16),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_commune_id_code_pk" PRIMARY KEY("commune_id","code")
);--> statement-breakpoint
CREATE TABLE "target_figures" (
	"commune_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"target_key" varchar(500) NOT NULL,
	"month" date NOT NULL,
	"value" numeric NOT NULL,
	"entered_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_figures_commune_id_plan_id_target_key_month_pk" PRIMARY KEY("commune_id","plan_id","target_key","month")
);--> statement-breakpoint
CREATE TABLE "target_links" (
	"commune_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"target_key" varchar(500) NOT NULL,
	"indicator_key" varchar(40),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_links_commune_id_plan_id_target_key_pk" PRIMARY KEY("commune_id","plan_id","target_key")
);--> statement-breakpoint
ALTER TABLE "dossier_mappings" ADD CONSTRAINT "dossier_mappings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_sync_tokens" ADD CONSTRAINT "dossier_sync_tokens_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_sync_tokens" ADD CONSTRAINT "dossier_sync_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_figures" ADD CONSTRAINT "target_figures_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_figures" ADD CONSTRAINT "target_figures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_figures" ADD CONSTRAINT "target_figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_links" ADD CONSTRAINT "target_links_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_links" ADD CONSTRAINT "target_links_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("commune_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_ended_idx" ON "dossiers" USING btree ("commune_id","ended_at");--> statement-breakpoint
CREATE INDEX "dossiers_open_idx" ON "dossiers" USING btree ("commune_id","appointment_start") WHERE status = 'processing';
