-- REPORTINGPERIOD: one row per reporting period (months and years); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'reporting_period') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as period_key,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('header1') }} as header_1,
    {{ adapter.quote('header2') }} as header_2,
    {{ adapter.quote('start_date') }} as start_date,
    {{ adapter.quote('end_date') }} as end_date,
    {{ adapter.quote('budgeting') }} as is_budgeting,
    {{ adapter.quote('datetype') }} as date_type,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
