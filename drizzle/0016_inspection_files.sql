ALTER TABLE "files" ALTER COLUMN "task_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "inspection_id" integer;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_inspection_fk" FOREIGN KEY ("commune_id","inspection_id") REFERENCES "public"."inspections"("commune_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_inspection_idx" ON "files" USING btree ("commune_id","inspection_id");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_check" CHECK (("files"."task_id" is null) <> ("files"."inspection_id" is null));