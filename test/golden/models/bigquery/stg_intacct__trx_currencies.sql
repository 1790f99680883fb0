-- TRXCURRENCIES: one row per transaction currency; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`trx_currencies`
    where `_deleted_at` is null
)

select
    `record_no` as currency_key,
    `code` as currency_code,
    `fullname` as full_name,
    `symbol` as journal_symbol,
    `iso_code` as iso_code,
    `decimals` as decimal_places,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_loaded_at` as loaded_at
from source
