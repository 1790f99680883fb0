-- EMPLOYEE: one row per employee; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`employee`
    where `_deleted_at` is null
)

select
    `record_no` as employee_key,
    `employeeid` as employee_id,
    `contact_name` as employee_name,
    `title` as job_title,
    `departmentid` as department_id,
    `locationid` as location_id,
    `classid` as class_id,
    `supervisorid` as supervisor_id,
    `startdate` as start_date,
    `enddate` as end_date,
    `employeetype` as employee_type,
    `status` as status,
    `currency` as currency,
    cast(`billingrate` as numeric(38, 9)) as billing_rate,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_loaded_at` as loaded_at
from source
