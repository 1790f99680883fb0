-- PODOCUMENT: one row per purchasing document; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'po_document') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as po_document_key,
    {{ adapter.quote('docno') }} as document_no,
    {{ adapter.quote('docid') }} as document_id,
    {{ adapter.quote('docparid') }} as document_type,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('whendue') }} as due_date,
    {{ adapter.quote('custvendid') }} as party_id,
    {{ adapter.quote('custvendname') }} as party_name,
    {{ adapter.quote('ponumber') }} as po_number,
    {{ adapter.quote('vendordocno') }} as vendor_document_no,
    {{ adapter.quote('term_name') }} as term_name,
    {{ adapter.quote('message') }} as message,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('basecurr') }} as base_currency,
    cast({{ adapter.quote('exchrate') }} as numeric(38, 9)) as exchange_rate,
    cast({{ adapter.quote('subtotal') }} as numeric(38, 9)) as subtotal,
    cast({{ adapter.quote('total') }} as numeric(38, 9)) as total,
    cast({{ adapter.quote('trx_subtotal') }} as numeric(38, 9)) as trx_subtotal,
    cast({{ adapter.quote('trx_total') }} as numeric(38, 9)) as trx_total,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
