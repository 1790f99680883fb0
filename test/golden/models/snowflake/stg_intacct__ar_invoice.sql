-- ARINVOICE: one row per AR invoice header; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."ar_invoice"
    where "_deleted_at" is null
)

select
    "record_no" as ar_invoice_key,
    "recordtype" as record_type,
    "recordid" as document_id,
    "docnumber" as document_number,
    "prbatchkey" as summary_key,
    "customerid" as customer_id,
    "customername" as customer_name,
    "termname" as term_name,
    "when_created" as created_at,
    "whenposted" as posted_date,
    "whendue" as due_date,
    "whenpaid" as paid_date,
    "description" as description,
    "currency" as currency,
    "basecurr" as base_currency,
    "exch_rate_date" as exchange_rate_date,
    "exch_rate_type_id" as exchange_rate_type,
    cast("exchange_rate" as numeric(38, 9)) as exchange_rate,
    cast("totalentered" as numeric(38, 9)) as total_entered,
    cast("totalpaid" as numeric(38, 9)) as total_paid,
    cast("totaldue" as numeric(38, 9)) as total_due,
    cast("trx_totalentered" as numeric(38, 9)) as trx_total_entered,
    cast("trx_totalpaid" as numeric(38, 9)) as trx_total_paid,
    cast("trx_totaldue" as numeric(38, 9)) as trx_total_due,
    "state" as state,
    "rawstate" as raw_state,
    "glbatchkey" as gl_batch_key,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
