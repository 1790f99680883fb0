-- APPYMTDETAIL: one row per application of an AP payment to a bill; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'ap_payment_detail') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as ap_payment_detail_key,
    {{ adapter.quote('paymentkey') }} as payment_key,
    {{ adapter.quote('paymentdate') }} as payment_date,
    {{ adapter.quote('recordkey') }} as document_key,
    {{ adapter.quote('entrykey') }} as document_line_key,
    cast({{ adapter.quote('paymentamount') }} as numeric(38, 9)) as payment_amount,
    cast({{ adapter.quote('trx_paymentamount') }} as numeric(38, 9)) as trx_payment_amount,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('basecurr') }} as base_currency,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
