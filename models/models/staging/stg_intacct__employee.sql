-- EMPLOYEE: one row per employee; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'employee') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as employee_key,
    {{ adapter.quote('employeeid') }} as employee_id,
    {{ adapter.quote('contact_name') }} as employee_name,
    {{ adapter.quote('title') }} as job_title,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('supervisorid') }} as supervisor_id,
    {{ adapter.quote('startdate') }} as start_date,
    {{ adapter.quote('enddate') }} as end_date,
    {{ adapter.quote('employeetype') }} as employee_type,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('currency') }} as currency,
    cast({{ adapter.quote('billingrate') }} as numeric(38, 9)) as billing_rate,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
