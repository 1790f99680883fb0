-- APBILL: one row per AP bill header; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'ap_bill') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as ap_bill_key,
    {{ adapter.quote('recordtype') }} as record_type,
    {{ adapter.quote('recordid') }} as document_id,
    {{ adapter.quote('docnumber') }} as document_number,
    {{ adapter.quote('prbatchkey') }} as summary_key,
    {{ adapter.quote('vendorid') }} as vendor_id,
    {{ adapter.quote('vendorname') }} as vendor_name,
    {{ adapter.quote('termname') }} as term_name,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('whenposted') }} as posted_date,
    {{ adapter.quote('whendue') }} as due_date,
    {{ adapter.quote('whenpaid') }} as paid_date,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('basecurr') }} as base_currency,
    {{ adapter.quote('exch_rate_date') }} as exchange_rate_date,
    {{ adapter.quote('exch_rate_type_id') }} as exchange_rate_type,
    cast({{ adapter.quote('exchange_rate') }} as numeric(38, 9)) as exchange_rate,
    cast({{ adapter.quote('totalentered') }} as numeric(38, 9)) as total_entered,
    cast({{ adapter.quote('totalpaid') }} as numeric(38, 9)) as total_paid,
    cast({{ adapter.quote('totaldue') }} as numeric(38, 9)) as total_due,
    cast({{ adapter.quote('trx_totalentered') }} as numeric(38, 9)) as trx_total_entered,
    cast({{ adapter.quote('trx_totalpaid') }} as numeric(38, 9)) as trx_total_paid,
    cast({{ adapter.quote('trx_totaldue') }} as numeric(38, 9)) as trx_total_due,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('rawstate') }} as raw_state,
    {{ adapter.quote('glbatchkey') }} as gl_batch_key,
    {{ adapter.quote('onhold') }} as is_on_hold,
    {{ adapter.quote('paymentpriority') }} as payment_priority,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
