-- Names that look the same are the same: units, communes (code and name) and usernames get a stored
-- key, matchKey() of src/domain/text/normalize.ts, written by the app on every insert and update.
-- Rows written before this migration get the same key computed here in SQL (NFD, strip format
-- characters Cf, strip U+0300–U+036F, đ→d, lower, runs of anything but [a-z0-9] → one space, trim).
-- Rows that already collide (the bug this fixes) keep distinct keys, suffixed with their id, so the
-- migration never fails; an administrator merges them.
CREATE FUNCTION pg_temp.cchc_match_key(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT btrim(regexp_replace(lower(translate(
    regexp_replace(
      regexp_replace(normalize(input, NFD), '[\u00AD\u0600-\u0605\u061C\u06DD\u070F\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'),
      '[\u0300-\u036F]', '', 'g'),
    'đĐ', 'dD')), '[^a-z0-9]+', ' ', 'g'))
$fn$;--> statement-breakpoint
DROP INDEX "communes_city_code_uq";--> statement-breakpoint
DROP INDEX "units_commune_name_uq";--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "code_key" varchar(20);--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "name_key" varchar(200);--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "name_key" varchar(300);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "username_key" varchar(60);--> statement-breakpoint
UPDATE "communes" SET "code_key" = left(pg_temp.cchc_match_key("code"), 20), "name_key" = left(pg_temp.cchc_match_key("name"), 200);--> statement-breakpoint
UPDATE "units" SET "name_key" = left(pg_temp.cchc_match_key("name"), 300);--> statement-breakpoint
UPDATE "users" SET "username_key" = left(pg_temp.cchc_match_key("username"), 60);--> statement-breakpoint
UPDATE "communes" c SET "code_key" = left(c."code_key", 8) || ' ' || c."id" WHERE EXISTS (SELECT 1 FROM "communes" o WHERE o."city_id" = c."city_id" AND o."code_key" = c."code_key" AND o."id" < c."id");--> statement-breakpoint
UPDATE "communes" c SET "name_key" = left(c."name_key", 188) || ' ' || c."id" WHERE EXISTS (SELECT 1 FROM "communes" o WHERE o."city_id" = c."city_id" AND o."kind" = c."kind" AND o."name_key" = c."name_key" AND o."id" < c."id");--> statement-breakpoint
UPDATE "units" u SET "name_key" = left(u."name_key", 288) || ' ' || u."id" WHERE EXISTS (SELECT 1 FROM "units" o WHERE o."commune_id" = u."commune_id" AND o."name_key" = u."name_key" AND o."id" < u."id");--> statement-breakpoint
UPDATE "users" u SET "username_key" = left(u."username_key", 48) || ' ' || u."id" WHERE EXISTS (SELECT 1 FROM "users" o WHERE o."username_key" = u."username_key" AND o."id" < u."id");--> statement-breakpoint
UPDATE "unit_aliases" a SET "alias_key" = k."key" FROM (SELECT "id", left(pg_temp.cchc_match_key("alias"), 300) AS "key", row_number() OVER (PARTITION BY "commune_id", left(pg_temp.cchc_match_key("alias"), 300) ORDER BY "id") AS "rn" FROM "unit_aliases") k WHERE a."id" = k."id" AND k."rn" = 1 AND a."alias_key" <> k."key" AND NOT EXISTS (SELECT 1 FROM "unit_aliases" o WHERE o."commune_id" = a."commune_id" AND o."alias_key" = k."key" AND o."id" <> a."id");--> statement-breakpoint
ALTER TABLE "communes" ALTER COLUMN "code_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "communes" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "username_key" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "communes_city_code_key_uq" ON "communes" USING btree ("city_id","code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "communes_city_kind_name_key_uq" ON "communes" USING btree ("city_id","kind","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "units_commune_name_key_uq" ON "units" USING btree ("commune_id","name_key");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_key_unique" UNIQUE("username_key");
