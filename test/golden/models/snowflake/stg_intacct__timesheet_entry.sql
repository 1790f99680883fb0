-- TIMESHEETENTRY: one row per timesheet entry (hours on a day); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."timesheet_entry"
    where "_deleted_at" is null
)

select
    "record_no" as timesheet_entry_key,
    "timesheetkey" as timesheet_key,
    "lineno" as line_no,
    "entrydate" as entry_date,
    cast("qty" as numeric(38, 9)) as hours,
    "billable" as is_billable,
    "description" as description,
    "notes" as notes,
    "projectid" as project_id,
    "taskid" as task_id,
    "customerid" as customer_id,
    "employeeid" as employee_id,
    "itemid" as item_id,
    "departmentid" as department_id,
    "locationid" as location_id,
    "classid" as class_id,
    "state" as state,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
