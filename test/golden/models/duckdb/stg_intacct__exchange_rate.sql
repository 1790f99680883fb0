-- EXCHANGERATE: one row per exchange rate table (currency pair and type); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."exchange_rate"
    where "_deleted_at" is null
)

select
    "record_no" as exchange_rate_key,
    "typename" as rate_type,
    "from_currency" as from_currency,
    "to_currency" as to_currency,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
