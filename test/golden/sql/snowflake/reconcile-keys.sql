UPDATE "intacct_raw"."gl_detail" SET "_deleted_at" = ?, "_load_id" = ?, "_loaded_at" = ?
WHERE "_entity" = ? AND "_deleted_at" IS NULL AND "record_no" NOT IN (SELECT CAST("key" AS NUMBER(38,0)) FROM "intacct_staging"."_keys__abc" WHERE "key" IS NOT NULL)
-- params: ["2026-11-01T08:00:00.000Z","load-1","2026-11-01T08:00:00.000Z","E100"]
