-- One row per timesheet entry: hours of an employee on a day, project and task.
select
    e.timesheet_entry_key,
    e.timesheet_key,
    e.entity_id,
    e.entry_date,
    cast(timestamp_trunc(cast(e.entry_date as timestamp), month) as date) as period_start_date,
    coalesce(e.employee_id, t.employee_id) as employee_id,
    e.project_id,
    e.task_id,
    e.customer_id,
    e.item_id,
    e.department_id,
    e.location_id,
    e.class_id,
    e.hours,
    coalesce(e.is_billable, false) as is_billable,
    coalesce(e.state, t.state) as state
from `analytics_staging`.`stg_intacct__timesheet_entry` as e
left join `analytics_staging`.`stg_intacct__timesheet` as t
    on e.timesheet_key = t.timesheet_key
