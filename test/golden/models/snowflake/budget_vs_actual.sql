-- Budget against actual per budget, entity, account, department, location and period. Amounts
-- are in the account's natural sign (revenue and expenses both positive).
with budget as (
    select
        budget_id, entity_id, account_no,
        coalesce(department_id, '') as department_id,
        coalesce(location_id, '') as location_id,
        period_name, period_start_date, period_end_date,
        sum(budget_amount) as budget_amount
    from "analytics_marts"."fct_budget"
    group by budget_id, entity_id, account_no, coalesce(department_id, ''), coalesce(location_id, ''),
        period_name, period_start_date, period_end_date
),

actual as (
    select
        g.entity_id, g.account_no,
        coalesce(g.department_id, '') as department_id,
        coalesce(g.location_id, '') as location_id,
        g.period_start_date,
        sum(g.amount * a.normal_sign) as actual_amount
    from "analytics_marts"."fct_gl_entry" as g
    inner join "analytics_marts"."dim_account" as a on g.account_no = a.account_no
    group by g.entity_id, g.account_no, coalesce(g.department_id, ''), coalesce(g.location_id, ''), g.period_start_date
)

select
    budget.budget_id,
    budget.entity_id,
    budget.account_no,
    nullif(budget.department_id, '') as department_id,
    nullif(budget.location_id, '') as location_id,
    budget.period_name,
    budget.period_start_date,
    budget.period_end_date,
    budget.budget_amount,
    coalesce(actual.actual_amount, 0) as actual_amount,
    coalesce(actual.actual_amount, 0) - budget.budget_amount as variance,
    case
        when budget.budget_amount <> 0
            then round(100 * (coalesce(actual.actual_amount, 0) - budget.budget_amount) / budget.budget_amount, 2)
    end as variance_pct
from budget
left join actual
    on budget.entity_id = actual.entity_id
    and budget.account_no = actual.account_no
    and budget.department_id = actual.department_id
    and budget.location_id = actual.location_id
    and budget.period_start_date = actual.period_start_date
