CREATE TABLE "dossier_days" (
	"commune_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"full_online" integer DEFAULT 0 NOT NULL,
	"fee" integer DEFAULT 0 NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"e_result" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_days_commune_id_day_pk" PRIMARY KEY("commune_id","day")
);
--> statement-breakpoint
DROP INDEX "dossiers_open_idx";--> statement-breakpoint
ALTER TABLE "dossier_days" ADD CONSTRAINT "dossier_days_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_late_idx" ON "dossiers" USING btree ("commune_id","ended_at","appointment_start","received_at") WHERE status IN ('resolved', 'rejected', 'stopped') AND ended_at > appointment_start;--> statement-breakpoint
CREATE INDEX "dossiers_open_idx" ON "dossiers" USING btree ("commune_id","appointment_start","received_at") WHERE status <> 'withdrawn' AND (status = 'processing' OR ended_at IS NULL);
--> statement-breakpoint
-- dossier_days follows every write to dossiers: the rows a statement inserted count +1, the rows it
-- deleted −1, an update both (old −1, new +1). One aggregation per statement (a COPY batch, a merge),
-- not per row. The conditions restate domain/indicators/formulas.ts, as store.ts's SQL does.
CREATE FUNCTION dossier_days_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS s FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS s FROM old_rows'
    ELSE 'SELECT *, 1 AS s FROM new_rows UNION ALL SELECT *, -1 AS s FROM old_rows'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO dossier_days AS d (commune_id, day, received, online, full_online, fee, paid, digitised, finished, on_time, e_result, rated, satisfied)
    SELECT commune_id, day, sum(received), sum(online), sum(full_online), sum(fee), sum(paid), sum(digitised),
      sum(finished), sum(on_time), sum(e_result), sum(rated), sum(satisfied)
    FROM (
      SELECT commune_id, received_at::date AS day, s AS received,
        CASE WHEN channel IN ('online_partial', 'online_full') THEN s ELSE 0 END AS online,
        CASE WHEN channel = 'online_full' THEN s ELSE 0 END AS full_online,
        CASE WHEN has_fee THEN s ELSE 0 END AS fee,
        CASE WHEN has_fee AND paid_online THEN s ELSE 0 END AS paid,
        CASE WHEN digitised THEN s ELSE 0 END AS digitised,
        0 AS finished, 0 AS on_time, 0 AS e_result, 0 AS rated, 0 AS satisfied
      FROM (%1$s) c WHERE status <> 'withdrawn'
      UNION ALL
      SELECT commune_id, ended_at::date, 0, 0, 0, 0, 0, 0, s,
        CASE WHEN ended_at <= appointment_end THEN s ELSE 0 END,
        CASE WHEN electronic_result THEN s ELSE 0 END,
        CASE WHEN rating IS NOT NULL THEN s ELSE 0 END,
        CASE WHEN rating IN ('very_satisfied', 'satisfied') THEN s ELSE 0 END
      FROM (%1$s) c WHERE status IN ('resolved', 'rejected', 'stopped') AND ended_at IS NOT NULL
    ) counted
    GROUP BY commune_id, day
    ON CONFLICT (commune_id, day) DO UPDATE SET
      received = d.received + EXCLUDED.received, online = d.online + EXCLUDED.online,
      full_online = d.full_online + EXCLUDED.full_online, fee = d.fee + EXCLUDED.fee, paid = d.paid + EXCLUDED.paid,
      digitised = d.digitised + EXCLUDED.digitised, finished = d.finished + EXCLUDED.finished,
      on_time = d.on_time + EXCLUDED.on_time, e_result = d.e_result + EXCLUDED.e_result,
      rated = d.rated + EXCLUDED.rated, satisfied = d.satisfied + EXCLUDED.satisfied
  $sql$, changed);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER dossiers_days_insert AFTER INSERT ON dossiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_days_apply();
--> statement-breakpoint
CREATE TRIGGER dossiers_days_update AFTER UPDATE ON dossiers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_days_apply();
--> statement-breakpoint
CREATE TRIGGER dossiers_days_delete AFTER DELETE ON dossiers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_days_apply();
--> statement-breakpoint
-- The dossiers already stored, counted once.
INSERT INTO dossier_days (commune_id, day, received, online, full_online, fee, paid, digitised, finished, on_time, e_result, rated, satisfied)
SELECT commune_id, day, sum(received), sum(online), sum(full_online), sum(fee), sum(paid), sum(digitised),
  sum(finished), sum(on_time), sum(e_result), sum(rated), sum(satisfied)
FROM (
  SELECT commune_id, received_at::date AS day, 1 AS received,
    (channel IN ('online_partial', 'online_full'))::int AS online, (channel = 'online_full')::int AS full_online,
    coalesce(has_fee, false)::int AS fee, coalesce(has_fee AND paid_online, false)::int AS paid,
    coalesce(digitised, false)::int AS digitised,
    0 AS finished, 0 AS on_time, 0 AS e_result, 0 AS rated, 0 AS satisfied
  FROM dossiers WHERE status <> 'withdrawn'
  UNION ALL
  SELECT commune_id, ended_at::date, 0, 0, 0, 0, 0, 0, 1, (ended_at <= appointment_end)::int,
    coalesce(electronic_result, false)::int, (rating IS NOT NULL)::int, (rating IN ('very_satisfied', 'satisfied'))::int
  FROM dossiers WHERE status IN ('resolved', 'rejected', 'stopped') AND ended_at IS NOT NULL
) counted
GROUP BY commune_id, day;
