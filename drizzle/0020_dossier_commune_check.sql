ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_commune_id_communes_id_fk";
--> statement-breakpoint
-- dossiers.commune_id must name a commune, as the foreign key just dropped required. That key checked it row by
-- row (an index probe and a row lock per dossier: a fifth of a large import's time in bench:dossiers); here it is
-- checked once per statement for the communes the statement wrote — usually one — over the rows it wrote
-- (the transition table the per-day counts already read). FOR KEY SHARE, as the key's check: the commune cannot
-- be deleted before the writing transaction ends. The error is the key's own (SQLSTATE 23503, same name).
CREATE FUNCTION dossiers_commune_exists() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  commune integer;
BEGIN
  FOR commune IN SELECT DISTINCT commune_id FROM new_rows LOOP
    PERFORM 1 FROM communes WHERE id = commune FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "dossiers" violates foreign key constraint "dossiers_commune_id_communes_id_fk"'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'dossiers_commune_id_communes_id_fk', TABLE = 'dossiers',
          DETAIL = format('Key (commune_id)=(%s) is not present in table "communes".', commune);
    END IF;
  END LOOP;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER dossiers_commune_insert AFTER INSERT ON dossiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_commune_exists();
--> statement-breakpoint
CREATE TRIGGER dossiers_commune_update AFTER UPDATE ON dossiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_commune_exists();
--> statement-breakpoint
-- The other side of the key: a commune that has dossiers is neither deleted nor renumbered.
CREATE FUNCTION communes_keep_dossiers() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id) AND EXISTS (SELECT 1 FROM dossiers WHERE commune_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "communes" violates foreign key constraint "dossiers_commune_id_communes_id_fk" on table "dossiers"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'dossiers_commune_id_communes_id_fk', TABLE = 'communes',
        DETAIL = format('Key (id)=(%s) is still referenced from table "dossiers".', OLD.id);
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER communes_keep_dossiers BEFORE DELETE OR UPDATE OF id ON communes FOR EACH ROW EXECUTE FUNCTION communes_keep_dossiers();
