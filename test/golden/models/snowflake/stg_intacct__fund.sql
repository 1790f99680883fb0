-- FUND: one row per fund (a user-defined dimension value); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."fund"
    where "_deleted_at" is null
)

select
    "record_no" as fund_key,
    "fundid" as fund_id,
    "name" as name,
    "description" as description,
    "fundtype" as fund_type,
    "status" as status,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
