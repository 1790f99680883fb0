-- PODOCUMENTENTRY: one row per purchasing document line; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."po_document_entry"
    where "_deleted_at" is null
)

select
    "record_no" as po_document_line_key,
    "dochdrno" as document_key,
    "dochdrid" as document_id,
    "line_no" as line_no,
    "itemid" as item_id,
    "itemdesc" as item_description,
    "unit" as unit,
    cast("quantity" as numeric(38, 9)) as quantity,
    cast("price" as numeric(38, 9)) as price,
    cast("trx_price" as numeric(38, 9)) as trx_price,
    cast("value" as numeric(38, 9)) as value,
    cast("trx_value" as numeric(38, 9)) as trx_value,
    "locationid" as location_id,
    "departmentid" as department_id,
    "projectid" as project_id,
    "classid" as class_id,
    "memo" as memo,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
