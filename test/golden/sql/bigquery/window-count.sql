SELECT CAST(count(*) AS STRING) AS `n` FROM `intacct_raw`.`gl_detail`
WHERE `_entity` = ? AND `_deleted_at` IS NULL AND ((`when_modified` >= ? AND `when_modified` <= ?) OR (`when_modified` IS NULL AND `entry_date` >= CAST(? AS DATE) AND `entry_date` <= CAST(? AS DATE)))
-- params: ["US1","2026-11-01T07:00:00.000Z","2026-11-01T08:00:00.000Z","2026-10-31","2026-11-02"]
