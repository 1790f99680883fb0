-- ARPYMT: one row per AR payment (receipt); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'ar_payment') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as ar_payment_key,
    {{ adapter.quote('recordtype') }} as record_type,
    {{ adapter.quote('recordid') }} as document_id,
    {{ adapter.quote('docnumber') }} as document_number,
    {{ adapter.quote('prbatchkey') }} as summary_key,
    {{ adapter.quote('customerid') }} as customer_id,
    {{ adapter.quote('customername') }} as customer_name,
    {{ adapter.quote('financialentity') }} as bank_account_id,
    {{ adapter.quote('paymentmethod') }} as payment_method,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('receiptdate') }} as receipt_date,
    {{ adapter.quote('paymentdate') }} as payment_date,
    {{ adapter.quote('whenpaid') }} as paid_date,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('basecurr') }} as base_currency,
    {{ adapter.quote('exch_rate_date') }} as exchange_rate_date,
    {{ adapter.quote('exch_rate_type_id') }} as exchange_rate_type,
    cast({{ adapter.quote('exchange_rate') }} as numeric(38, 9)) as exchange_rate,
    cast({{ adapter.quote('totalentered') }} as numeric(38, 9)) as total_entered,
    cast({{ adapter.quote('totalpaid') }} as numeric(38, 9)) as total_paid,
    cast({{ adapter.quote('trx_totalentered') }} as numeric(38, 9)) as trx_total_entered,
    cast({{ adapter.quote('trx_totalpaid') }} as numeric(38, 9)) as trx_total_paid,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('rawstate') }} as raw_state,
    {{ adapter.quote('glbatchkey') }} as gl_batch_key,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
