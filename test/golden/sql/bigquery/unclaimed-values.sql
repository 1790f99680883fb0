SELECT DISTINCT CAST(`record_no` AS STRING) AS `value` FROM `intacct_raw`.`gl_detail`
WHERE `_entity` = ? AND `_deleted_at` IS NULL AND `record_no` IS NOT NULL AND CAST(`record_no` AS STRING) NOT IN (SELECT CAST(`accountno` AS STRING) FROM `intacct_raw`.`gl_detail` WHERE `_deleted_at` IS NULL AND `accountno` IS NOT NULL)
-- params: ["US1"]
