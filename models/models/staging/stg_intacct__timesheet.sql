-- TIMESHEET: one row per timesheet; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'timesheet') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as timesheet_key,
    {{ adapter.quote('employeeid') }} as employee_id,
    {{ adapter.quote('employeename') }} as employee_name,
    {{ adapter.quote('begindate') }} as begin_date,
    {{ adapter.quote('enddate') }} as end_date,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('uom') }} as unit,
    cast({{ adapter.quote('hoursinday') }} as numeric(38, 9)) as hours_in_day,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
