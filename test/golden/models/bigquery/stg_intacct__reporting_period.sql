-- REPORTINGPERIOD: one row per reporting period (months and years); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`reporting_period`
    where `_deleted_at` is null
)

select
    `record_no` as period_key,
    `name` as name,
    `header1` as header_1,
    `header2` as header_2,
    `start_date` as start_date,
    `end_date` as end_date,
    `budgeting` as is_budgeting,
    `datetype` as date_type,
    `status` as status,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_loaded_at` as loaded_at
from source
