-- GLBATCH: one row per GL batch (journal entry header); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'gl_batch') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as batch_key,
    {{ adapter.quote('batchno') }} as batch_no,
    {{ adapter.quote('journal') }} as journal_symbol,
    {{ adapter.quote('batch_date') }} as batch_date,
    {{ adapter.quote('batch_title') }} as batch_title,
    cast({{ adapter.quote('balance') }} as numeric(38, 9)) as balance,
    {{ adapter.quote('module') }} as module,
    {{ adapter.quote('referenceno') }} as reference_no,
    {{ adapter.quote('reversedate') }} as reverse_date,
    {{ adapter.quote('reversedkey') }} as reversed_key,
    {{ adapter.quote('reversed') }} as reversed_date,
    {{ adapter.quote('reversedfrom') }} as reversed_from_key,
    {{ adapter.quote('history_comment') }} as history_comment,
    {{ adapter.quote('prbatchkey') }} as summary_key,
    {{ adapter.quote('baselocation') }} as base_location_id,
    {{ adapter.quote('baselocation_no') }} as base_location_key,
    {{ adapter.quote('state') }} as state,
    {{ adapter.quote('taximplications') }} as tax_implications,
    {{ adapter.quote('supdocid') }} as attachment_id,
    {{ adapter.quote('adj') }} as is_adjustment,
    {{ adapter.quote('statistical') }} as is_statistical,
    {{ adapter.quote('transactionsource') }} as transaction_source,
    {{ adapter.quote('userinfo_loginid') }} as created_by_login,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
