-- TASK: one row per project task; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'task') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as task_key,
    {{ adapter.quote('taskid') }} as task_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('projectkey') }} as project_key,
    {{ adapter.quote('projectid') }} as project_id,
    {{ adapter.quote('projectname') }} as project_name,
    {{ adapter.quote('pbegindate') }} as planned_begin_date,
    {{ adapter.quote('penddate') }} as period_end_date,
    cast({{ adapter.quote('budgetqty') }} as numeric(38, 9)) as budget_quantity,
    cast({{ adapter.quote('estqty') }} as numeric(38, 9)) as estimated_quantity,
    cast({{ adapter.quote('actualqty') }} as numeric(38, 9)) as actual_quantity,
    {{ adapter.quote('billable') }} as is_billable,
    cast({{ adapter.quote('percentcomplete') }} as numeric(38, 9)) as percent_complete,
    {{ adapter.quote('taskstatus') }} as task_status,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
