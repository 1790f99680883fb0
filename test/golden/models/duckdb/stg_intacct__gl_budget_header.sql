-- GLBUDGETHEADER: one row per budget; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."gl_budget_header"
    where "_deleted_at" is null
)

select
    "record_no" as budget_key,
    "budgetid" as budget_id,
    "description" as description,
    "systemgenerated" as is_system_generated,
    "default_budget" as is_default_budget,
    "status" as status,
    "isconsolidated" as is_consolidated,
    "currency" as currency,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
