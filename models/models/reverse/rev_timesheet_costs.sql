{{ config(materialized='view', schema='reverse', tags=['reverse']) }}
-- Project cost journal entries (journal GJ), one per timesheet export batch and entity: each entry
-- debits cost of services (5100) with the project, task and employee, and credits accrued expenses
-- (2150) by the same amount; the amount is hours times the worker's cost rate, in cents.
with entries as (
    select
        t.*,
        {{ dbt.safe_cast('t.hours', 'decimal(28, 2)') }} as hours_value,
        {{ dbt.safe_cast('t.cost_rate', 'decimal(28, 2)') }} as rate_value,
        row_number() over (partition by t.batch_id, t.company order by t.entry_id) as entry_no
    from {{ ref('timesheet_export') }} t
),

maps as (
    select dimension, source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'timesheet'
),

batches as (
    select batch_id, company, max(work_date) as batch_date,
        max(case when hours_value is null then cast(hours as {{ dbt.type_string() }}) when rate_value is null then cast(cost_rate as {{ dbt.type_string() }}) end) as bad_amount
    from entries
    group by batch_id, company
),

sides as (
    select 1 as offset_no, 'debit' as side, '5100' as account
    union all
    select 2, 'credit', '2150'
)

select
    cast(e.batch_id || '-' || e.company as {{ dbt.type_string() }}) as external_key,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as entity,
    cast(e.company as {{ dbt.type_string() }}) as entity_source,
    cast('GJ' as {{ dbt.type_string() }}) as journal,
    cast(b.batch_date as {{ dbt.type_string() }}) as batch_date,
    cast('Project costs ' || e.batch_id as {{ dbt.type_string() }}) as title,
    cast(b.bad_amount as {{ dbt.type_string() }}) as bad_amount,
    cast((e.entry_no - 1) * 2 + s.offset_no as {{ dbt.type_string() }}) as line_no,
    cast(s.account as {{ dbt.type_string() }}) as line_account,
    cast(s.side as {{ dbt.type_string() }}) as line_side,
    cast(cast(e.hours_value * e.rate_value as decimal(28, 2)) as {{ dbt.type_string() }}) as line_amount,
    cast(e.entry_id || ' ' || e.work_date || ' ' || cast(e.hours as {{ dbt.type_string() }}) || 'h' as {{ dbt.type_string() }}) as line_memo,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as line_location,
    cast(proj.intacct_value as {{ dbt.type_string() }}) as line_project,
    cast(e.project_code as {{ dbt.type_string() }}) as line_project_source,
    cast(task.intacct_value as {{ dbt.type_string() }}) as line_task,
    cast(e.project_code || '/' || e.task_code as {{ dbt.type_string() }}) as line_task_source,
    cast(emp.intacct_value as {{ dbt.type_string() }}) as line_employee,
    cast(e.worker_id as {{ dbt.type_string() }}) as line_employee_source
from entries e
cross join sides s
join batches b on b.batch_id = e.batch_id and b.company = e.company
left join maps ent on ent.dimension = 'entity' and ent.source_value = e.company
left join maps proj on proj.dimension = 'project' and proj.source_value = e.project_code
left join maps task on task.dimension = 'task' and task.source_value = e.project_code || '/' || e.task_code
left join maps emp on emp.dimension = 'employee' and emp.source_value = e.worker_id
