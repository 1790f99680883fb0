-- TRXCURRENCIES: one row per transaction currency; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'trx_currencies') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as currency_key,
    {{ adapter.quote('code') }} as currency_code,
    {{ adapter.quote('fullname') }} as full_name,
    {{ adapter.quote('symbol') }} as journal_symbol,
    {{ adapter.quote('iso_code') }} as iso_code,
    {{ adapter.quote('decimals') }} as decimal_places,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
