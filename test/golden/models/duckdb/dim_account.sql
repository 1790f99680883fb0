-- The chart of accounts with its hierarchy: account → category (Intacct) → section → class → statement.
select
    a.account_no,
    a.account_title,
    a.account_type,
    a.normal_balance,
    case when a.normal_balance = 'credit' then -1 else 1 end as normal_sign,
    a.category,
    coalesce(c.section, a.category) as section,
    c.account_class,
    coalesce(c.statement, case when a.account_type = 'incomestatement' then 'Income Statement' else 'Balance Sheet' end) as statement,
    c.sort_order,
    a.closing_account_no,
    coalesce(a.is_subledger_control, false) as is_subledger_control,
    a.status,
    a.status = 'active' as is_active
from "analytics_staging"."stg_intacct__gl_account" as a
left join "analytics_seeds"."account_categories" as c
    on a.category = c.category
