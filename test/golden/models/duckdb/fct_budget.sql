-- One row per budget amount: budget, entity, account, department, location and period.
select
    b.budget_item_key,
    b.budget_id,
    h.is_default_budget,
    b.entity_id,
    b.account_no,
    b.department_id,
    b.location_id,
    b.period_name,
    b.period_start_date,
    b.period_end_date,
    b.amount as budget_amount,
    coalesce(b.currency, h.currency) as currency
from "analytics_staging"."stg_intacct__gl_budget_item" as b
left join "analytics_staging"."stg_intacct__gl_budget_header" as h
    on b.budget_key = h.budget_key
