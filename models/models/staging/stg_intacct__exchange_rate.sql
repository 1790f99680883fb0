-- EXCHANGERATE: one row per exchange rate table (currency pair and type); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'exchange_rate') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as exchange_rate_key,
    {{ adapter.quote('typename') }} as rate_type,
    {{ adapter.quote('from_currency') }} as from_currency,
    {{ adapter.quote('to_currency') }} as to_currency,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
