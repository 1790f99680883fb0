-- APPYMT: one row per AP payment; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`ap_payment`
    where `_deleted_at` is null
)

select
    `record_no` as ap_payment_key,
    `recordtype` as record_type,
    `recordid` as document_id,
    `docnumber` as document_number,
    `prbatchkey` as summary_key,
    `vendorid` as vendor_id,
    `vendorname` as vendor_name,
    `financialentity` as bank_account_id,
    `paymentmethod` as payment_method,
    `when_created` as created_at,
    `receiptdate` as receipt_date,
    `paymentdate` as payment_date,
    `whenpaid` as paid_date,
    `description` as description,
    `currency` as currency,
    `basecurr` as base_currency,
    `exch_rate_date` as exchange_rate_date,
    `exch_rate_type_id` as exchange_rate_type,
    cast(`exchange_rate` as numeric(38, 9)) as exchange_rate,
    cast(`totalentered` as numeric(38, 9)) as total_entered,
    cast(`totalpaid` as numeric(38, 9)) as total_paid,
    cast(`trx_totalentered` as numeric(38, 9)) as trx_total_entered,
    cast(`trx_totalpaid` as numeric(38, 9)) as trx_total_paid,
    `state` as state,
    `rawstate` as raw_state,
    `glbatchkey` as gl_batch_key,
    `when_modified` as modified_at,
    `_entity` as entity_id,
    `_loaded_at` as loaded_at
from source
