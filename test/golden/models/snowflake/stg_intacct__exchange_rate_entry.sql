-- EXCHANGERATEENTRY: one row per dated exchange rate; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."exchange_rate_entry"
    where "_deleted_at" is null
)

select
    "record_no" as exchange_rate_entry_key,
    "exchangerateid" as exchange_rate_key,
    "from_currency" as from_currency,
    "to_currency" as to_currency,
    "effective_start_date" as effective_date,
    cast("rate" as numeric(38, 9)) as exchange_rate,
    cast("reciprate" as numeric(38, 9)) as reciprocal_rate,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
