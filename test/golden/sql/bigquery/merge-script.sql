BEGIN TRANSACTION;
CREATE TEMP TABLE `_merge_counts` AS SELECT COUNT(*) AS `source_rows`,
COALESCE(SUM(CASE WHEN `T`.`record_no` IS NULL AND `S`.`_deleted_at` IS NULL THEN 1 ELSE 0 END), 0) AS `inserted`,
COALESCE(SUM(CASE WHEN `T`.`record_no` IS NOT NULL AND `S`.`_deleted_at` IS NULL AND (`S`.`when_modified` IS NULL OR `T`.`when_modified` IS NULL OR `S`.`when_modified` >= `T`.`when_modified`) AND (`T`.`accountno` IS DISTINCT FROM `S`.`accountno` OR `T`.`amount` IS DISTINCT FROM `S`.`amount` OR `T`.`entry_date` IS DISTINCT FROM `S`.`entry_date` OR `T`.`when_modified` IS DISTINCT FROM `S`.`when_modified` OR `T`.`_entity` IS DISTINCT FROM ? OR `T`.`_deleted_at` IS NOT NULL) THEN 1 ELSE 0 END), 0) AS `updated`,
COALESCE(SUM(CASE WHEN `T`.`record_no` IS NOT NULL AND `S`.`_deleted_at` IS NOT NULL AND `T`.`_deleted_at` IS NULL THEN 1 ELSE 0 END), 0) AS `deleted`
FROM (SELECT `record_no`, `accountno`, `amount`, `entry_date`, `when_modified`, `_deleted_at` FROM (SELECT CAST(`record_no` AS INT64) AS `record_no`, CAST(`accountno` AS STRING) AS `accountno`, CAST(`amount` AS NUMERIC(38,9)) AS `amount`, CAST(`entry_date` AS DATE) AS `entry_date`, CAST(`when_modified` AS TIMESTAMP) AS `when_modified`, `_seq` AS `_seq`, CAST(`_deleted_at` AS TIMESTAMP) AS `_deleted_at` FROM `intacct_staging`.`gl_detail__load_1`) AS `typed` WHERE `record_no` IS NOT NULL QUALIFY ROW_NUMBER() OVER (PARTITION BY `record_no` ORDER BY COALESCE(`_deleted_at`, `when_modified`) DESC NULLS LAST, `_seq` DESC) = 1) AS `S`
LEFT JOIN `intacct_raw`.`gl_detail` AS `T` ON `T`.`record_no` = `S`.`record_no`;
MERGE INTO `intacct_raw`.`gl_detail` AS `T`
USING (SELECT `record_no`, `accountno`, `amount`, `entry_date`, `when_modified`, `_deleted_at` FROM (SELECT CAST(`record_no` AS INT64) AS `record_no`, CAST(`accountno` AS STRING) AS `accountno`, CAST(`amount` AS NUMERIC(38,9)) AS `amount`, CAST(`entry_date` AS DATE) AS `entry_date`, CAST(`when_modified` AS TIMESTAMP) AS `when_modified`, `_seq` AS `_seq`, CAST(`_deleted_at` AS TIMESTAMP) AS `_deleted_at` FROM `intacct_staging`.`gl_detail__load_1`) AS `typed` WHERE `record_no` IS NOT NULL QUALIFY ROW_NUMBER() OVER (PARTITION BY `record_no` ORDER BY COALESCE(`_deleted_at`, `when_modified`) DESC NULLS LAST, `_seq` DESC) = 1) AS `S`
ON `T`.`record_no` = `S`.`record_no`
WHEN MATCHED AND `S`.`_deleted_at` IS NOT NULL AND `T`.`_deleted_at` IS NULL THEN UPDATE SET `_deleted_at` = `S`.`_deleted_at`, `_load_id` = ?, `_loaded_at` = ?
WHEN MATCHED AND `S`.`_deleted_at` IS NULL AND (`S`.`when_modified` IS NULL OR `T`.`when_modified` IS NULL OR `S`.`when_modified` >= `T`.`when_modified`) AND (`T`.`accountno` IS DISTINCT FROM `S`.`accountno` OR `T`.`amount` IS DISTINCT FROM `S`.`amount` OR `T`.`entry_date` IS DISTINCT FROM `S`.`entry_date` OR `T`.`when_modified` IS DISTINCT FROM `S`.`when_modified` OR `T`.`_entity` IS DISTINCT FROM ? OR `T`.`_deleted_at` IS NOT NULL) THEN UPDATE SET `accountno` = `S`.`accountno`, `amount` = `S`.`amount`, `entry_date` = `S`.`entry_date`, `when_modified` = `S`.`when_modified`, `_entity` = ?, `_load_id` = ?, `_loaded_at` = ?, `_deleted_at` = NULL
WHEN NOT MATCHED AND `S`.`_deleted_at` IS NULL THEN INSERT (`record_no`, `accountno`, `amount`, `entry_date`, `when_modified`, `_entity`, `_load_id`, `_loaded_at`, `_deleted_at`) VALUES (`S`.`record_no`, `S`.`accountno`, `S`.`amount`, `S`.`entry_date`, `S`.`when_modified`, ?, ?, ?, NULL);
MERGE INTO `intacct_raw`.`_elt_state` AS `T`
USING (SELECT ? AS `object`, ? AS `entity`) AS `S`
ON `T`.`object` = `S`.`object` AND `T`.`entity` = `S`.`entity`
WHEN MATCHED THEN UPDATE SET `watermark` = ?, `load_id` = ?, `updated_at` = ?
WHEN NOT MATCHED THEN INSERT (`object`, `entity`, `watermark`, `load_id`, `updated_at`) VALUES (`S`.`object`, `S`.`entity`, ?, ?, ?);
COMMIT TRANSACTION;
SELECT * FROM `_merge_counts`;
-- params: ["E100","load-1","2026-11-01T08:00:00.000Z","E100","E100","load-1","2026-11-01T08:00:00.000Z","E100","load-1","2026-11-01T08:00:00.000Z","GLDETAIL","E100","2026-11-01T07:59:00.000Z","load-1","2026-11-01T08:00:00.000Z","2026-11-01T07:59:00.000Z","load-1","2026-11-01T08:00:00.000Z"]
