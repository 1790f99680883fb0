-- CLASS: one row per class; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'class') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as class_key,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('parentkey') }} as parent_key,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('parentname') }} as parent_name,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
