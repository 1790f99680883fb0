-- GLBUDGETHEADER: one row per budget; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'gl_budget_header') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as budget_key,
    {{ adapter.quote('budgetid') }} as budget_id,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('systemgenerated') }} as is_system_generated,
    {{ adapter.quote('default_budget') }} as is_default_budget,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('isconsolidated') }} as is_consolidated,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
