-- TIMESHEET: one row per timesheet; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."timesheet"
    where "_deleted_at" is null
)

select
    "record_no" as timesheet_key,
    "employeeid" as employee_id,
    "employeename" as employee_name,
    "begindate" as begin_date,
    "enddate" as end_date,
    "state" as state,
    "description" as description,
    "uom" as unit,
    cast("hoursinday" as numeric(38, 9)) as hours_in_day,
    "locationid" as location_id,
    "departmentid" as department_id,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
