create table if not exists `intacct_raw`.`gl_detail` (`record_no` INT64 not null, `accountno` STRING, `amount` NUMERIC(38,9), `entry_date` DATE, `when_modified` TIMESTAMP, `_entity` STRING not null, `_load_id` STRING, `_loaded_at` TIMESTAMP, `_deleted_at` TIMESTAMP)
-- params: []
