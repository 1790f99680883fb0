-- TASK: one row per project task; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`task`
    where `_deleted_at` is null
)

select
    `record_no` as task_key,
    `taskid` as task_id,
    `name` as name,
    `description` as description,
    `projectkey` as project_key,
    `projectid` as project_id,
    `projectname` as project_name,
    `pbegindate` as planned_begin_date,
    `penddate` as period_end_date,
    cast(`budgetqty` as numeric(38, 9)) as budget_quantity,
    cast(`estqty` as numeric(38, 9)) as estimated_quantity,
    cast(`actualqty` as numeric(38, 9)) as actual_quantity,
    `billable` as is_billable,
    cast(`percentcomplete` as numeric(38, 9)) as percent_complete,
    `taskstatus` as task_status,
    `status` as status,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_loaded_at` as loaded_at
from source
