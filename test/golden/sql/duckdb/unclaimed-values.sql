SELECT DISTINCT CAST("record_no" AS VARCHAR) AS "value" FROM "intacct_raw"."gl_detail"
WHERE "_entity" = $1 AND "_deleted_at" IS NULL AND "record_no" IS NOT NULL AND CAST("record_no" AS VARCHAR) NOT IN (SELECT CAST("accountno" AS VARCHAR) FROM "intacct_raw"."gl_detail" WHERE "_deleted_at" IS NULL AND "accountno" IS NOT NULL)
-- params: ["US1"]
