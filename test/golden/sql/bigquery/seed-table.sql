CREATE OR REPLACE TABLE `analytics_seeds`.`account_categories` (`category` STRING, `sort_order` INT64, `weight` NUMERIC(38, 9))
