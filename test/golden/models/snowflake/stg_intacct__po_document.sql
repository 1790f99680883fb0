-- PODOCUMENT: one row per purchasing document; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."po_document"
    where "_deleted_at" is null
)

select
    "record_no" as po_document_key,
    "docno" as document_no,
    "docid" as document_id,
    "docparid" as document_type,
    "state" as state,
    "when_created" as created_at,
    "whendue" as due_date,
    "custvendid" as party_id,
    "custvendname" as party_name,
    "ponumber" as po_number,
    "vendordocno" as vendor_document_no,
    "term_name" as term_name,
    "message" as message,
    "currency" as currency,
    "basecurr" as base_currency,
    cast("exchrate" as numeric(38, 9)) as exchange_rate,
    cast("subtotal" as numeric(38, 9)) as subtotal,
    cast("total" as numeric(38, 9)) as total,
    cast("trx_subtotal" as numeric(38, 9)) as trx_subtotal,
    cast("trx_total" as numeric(38, 9)) as trx_total,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
