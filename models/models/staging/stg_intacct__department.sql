-- DEPARTMENT: one row per department; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'department') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as department_key,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('title') }} as department_title,
    {{ adapter.quote('parentkey') }} as parent_key,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('parentname') }} as parent_name,
    {{ adapter.quote('supervisorkey') }} as supervisor_key,
    {{ adapter.quote('supervisorid') }} as supervisor_id,
    {{ adapter.quote('supervisorname') }} as supervisor_name,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('custtitle') }} as custom_title,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
