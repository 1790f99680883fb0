-- GLBATCH: one row per GL batch (journal entry header); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."gl_batch"
    where "_deleted_at" is null
)

select
    "record_no" as batch_key,
    "batchno" as batch_no,
    "journal" as journal_symbol,
    "batch_date" as batch_date,
    "batch_title" as batch_title,
    cast("balance" as numeric(38, 9)) as balance,
    "module" as module,
    "referenceno" as reference_no,
    "reversedate" as reverse_date,
    "reversedkey" as reversed_key,
    "reversed" as reversed_date,
    "reversedfrom" as reversed_from_key,
    "history_comment" as history_comment,
    "prbatchkey" as summary_key,
    "baselocation" as base_location_id,
    "baselocation_no" as base_location_key,
    "state" as state,
    "taximplications" as tax_implications,
    "supdocid" as attachment_id,
    "adj" as is_adjustment,
    "statistical" as is_statistical,
    "transactionsource" as transaction_source,
    "userinfo_loginid" as created_by_login,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
