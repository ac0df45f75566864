CREATE TABLE "dossier_uploads" (
	"commune_id" integer NOT NULL,
	"upload_id" varchar(64) NOT NULL,
	"phase" varchar(12) NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_uploads_commune_id_upload_id_pk" PRIMARY KEY("commune_id","upload_id")
);
--> statement-breakpoint
ALTER TABLE "dossier_uploads" ADD CONSTRAINT "dossier_uploads_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;