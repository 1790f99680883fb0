UPDATE "intacct_raw"."gl_detail" SET "_deleted_at" = $1, "_load_id" = $2, "_loaded_at" = $3
WHERE "_entity" = $4 AND "_deleted_at" IS NULL AND "record_no" NOT IN (SELECT CAST("key" AS BIGINT) FROM "intacct_staging"."_keys__abc" WHERE "key" IS NOT NULL)
-- params: ["2026-11-01T08:00:00.000Z","load-1","2026-11-01T08:00:00.000Z","E100"]
