-- TIMESHEETENTRY: one row per timesheet entry (hours on a day); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'timesheet_entry') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as timesheet_entry_key,
    {{ adapter.quote('timesheetkey') }} as timesheet_key,
    {{ adapter.quote('lineno') }} as line_no,
    {{ adapter.quote('entrydate') }} as entry_date,
    cast({{ adapter.quote('qty') }} as numeric(38, 9)) as hours,
    {{ adapter.quote('billable') }} as is_billable,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('notes') }} as notes,
    {{ adapter.quote('projectid') }} as project_id,
    {{ adapter.quote('taskid') }} as task_id,
    {{ adapter.quote('customerid') }} as customer_id,
    {{ adapter.quote('employeeid') }} as employee_id,
    {{ adapter.quote('itemid') }} as item_id,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
