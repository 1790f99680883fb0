SELECT CAST(count(*) AS VARCHAR) AS "n" FROM "intacct_raw"."gl_detail"
WHERE "_entity" = $1 AND "_deleted_at" IS NULL AND (("when_modified" >= $2 AND "when_modified" <= $3) OR ("when_modified" IS NULL AND "entry_date" >= CAST($4 AS DATE) AND "entry_date" <= CAST($5 AS DATE)))
-- params: ["US1","2026-11-01T07:00:00.000Z","2026-11-01T08:00:00.000Z","2026-10-31","2026-11-02"]
