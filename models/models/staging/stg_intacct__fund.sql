-- FUND: one row per fund (a user-defined dimension value); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'fund') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as fund_key,
    {{ adapter.quote('fundid') }} as fund_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('fundtype') }} as fund_type,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
