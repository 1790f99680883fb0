-- Per project and base currency: revenue and cost from the GL (income-statement accounts), hours
-- from timesheets, margin and margin percent.
with gl as (
    select
        g.project_id,
        g.base_currency,
        sum(case when a.account_type = 'incomestatement' and a.normal_balance = 'credit' then -g.amount else 0 end) as revenue,
        sum(case when a.account_type = 'incomestatement' and a.normal_balance = 'debit' then g.amount else 0 end) as cost
    from "analytics_marts"."fct_gl_entry" as g
    inner join "analytics_marts"."dim_account" as a on g.account_no = a.account_no
    where g.project_id is not null
    group by g.project_id, g.base_currency
),

hours as (
    select
        project_id,
        sum(hours) as hours,
        sum(case when is_billable then hours else 0 end) as billable_hours
    from "analytics_marts"."fct_timesheet_entry"
    where project_id is not null
    group by project_id
)

select
    p.project_id,
    p.project_name,
    p.customer_id,
    p.project_status,
    gl.base_currency,
    coalesce(gl.revenue, 0) as revenue,
    coalesce(gl.cost, 0) as cost,
    coalesce(hours.hours, 0) as hours,
    coalesce(hours.billable_hours, 0) as billable_hours,
    coalesce(gl.revenue, 0) - coalesce(gl.cost, 0) as margin,
    case when coalesce(gl.revenue, 0) <> 0
        then round(100 * (coalesce(gl.revenue, 0) - coalesce(gl.cost, 0)) / gl.revenue, 2)
    end as margin_pct
from "analytics_marts"."dim_project" as p
left join gl on p.project_id = gl.project_id
left join hours on p.project_id = hours.project_id
