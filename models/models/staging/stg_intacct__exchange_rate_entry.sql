-- EXCHANGERATEENTRY: one row per dated exchange rate; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'exchange_rate_entry') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as exchange_rate_entry_key,
    {{ adapter.quote('exchangerateid') }} as exchange_rate_key,
    {{ adapter.quote('from_currency') }} as from_currency,
    {{ adapter.quote('to_currency') }} as to_currency,
    {{ adapter.quote('effective_start_date') }} as effective_date,
    cast({{ adapter.quote('rate') }} as numeric(38, 9)) as exchange_rate,
    cast({{ adapter.quote('reciprate') }} as numeric(38, 9)) as reciprocal_rate,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
