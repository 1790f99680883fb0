create table `intacct_staging`.`gl_detail__load_1` (`record_no` STRING, `accountno` STRING, `amount` NUMERIC(38,9), `entry_date` STRING, `when_modified` STRING, `_seq` INTEGER, `_deleted_at` STRING)
-- params: []
