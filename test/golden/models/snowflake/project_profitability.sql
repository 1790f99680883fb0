-- Per project, entity and base currency: revenue and cost from the GL (income-statement accounts),
-- hours from timesheets, margin and margin percent. One row per entity a project has activity in
-- (so an entity allow-list can scope it); a project with no activity has one row with no entity.
with gl as (
    select
        g.project_id,
        g.entity_id,
        g.base_currency,
        sum(case when a.account_type = 'incomestatement' and a.normal_balance = 'credit' then -g.amount else 0 end) as revenue,
        sum(case when a.account_type = 'incomestatement' and a.normal_balance = 'debit' then g.amount else 0 end) as cost
    from "analytics_marts"."fct_gl_entry" as g
    inner join "analytics_marts"."dim_account" as a on g.account_no = a.account_no
    where g.project_id is not null
    group by g.project_id, g.entity_id, g.base_currency
),

hours as (
    select
        project_id,
        entity_id,
        sum(hours) as hours,
        sum(case when is_billable then hours else 0 end) as billable_hours
    from "analytics_marts"."fct_timesheet_entry"
    where project_id is not null
    group by project_id, entity_id
),

-- UNION ALL then DISTINCT: a bare UNION is not valid BigQuery.
activity as (
    select distinct project_id, entity_id from (
        select project_id, entity_id from gl
        union all
        select project_id, entity_id from hours
    ) as both_sides
)

select
    p.project_id,
    p.project_name,
    p.customer_id,
    p.project_status,
    act.entity_id,
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
left join activity as act on p.project_id = act.project_id
left join gl on act.project_id = gl.project_id and act.entity_id = gl.entity_id
left join hours on act.project_id = hours.project_id and act.entity_id = hours.entity_id
