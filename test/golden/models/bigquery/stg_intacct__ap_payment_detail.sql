-- APPYMTDETAIL: one row per application of an AP payment to a bill; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`ap_payment_detail`
    where `_deleted_at` is null
)

select
    `record_no` as ap_payment_detail_key,
    `paymentkey` as payment_key,
    `paymentdate` as payment_date,
    `recordkey` as document_key,
    `entrykey` as document_line_key,
    cast(`paymentamount` as numeric(38, 9)) as payment_amount,
    cast(`trx_paymentamount` as numeric(38, 9)) as trx_payment_amount,
    `currency` as currency,
    `basecurr` as base_currency,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_entity` as entity_id,
    `_loaded_at` as loaded_at
from source
