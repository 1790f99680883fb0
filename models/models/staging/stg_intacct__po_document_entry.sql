-- PODOCUMENTENTRY: one row per purchasing document line; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'po_document_entry') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as po_document_line_key,
    {{ adapter.quote('dochdrno') }} as document_key,
    {{ adapter.quote('dochdrid') }} as document_id,
    {{ adapter.quote('line_no') }} as line_no,
    {{ adapter.quote('itemid') }} as item_id,
    {{ adapter.quote('itemdesc') }} as item_description,
    {{ adapter.quote('unit') }} as unit,
    cast({{ adapter.quote('quantity') }} as numeric(38, 9)) as quantity,
    cast({{ adapter.quote('price') }} as numeric(38, 9)) as price,
    cast({{ adapter.quote('trx_price') }} as numeric(38, 9)) as trx_price,
    cast({{ adapter.quote('value') }} as numeric(38, 9)) as value,
    cast({{ adapter.quote('trx_value') }} as numeric(38, 9)) as trx_value,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('projectid') }} as project_id,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('memo') }} as memo,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
