alter table `intacct_raw`.`gl_detail` add column `rate` NUMERIC(38,9)
-- params: []
