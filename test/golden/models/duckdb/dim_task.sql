-- Project tasks.
select
    task_key,
    task_id,
    name as task_name,
    project_id,
    planned_begin_date,
    period_end_date as planned_end_date,
    budget_quantity as budget_hours,
    is_billable,
    task_status,
    status
from "analytics_staging"."stg_intacct__task"
