-- Balance sheet per entity, book and period end: closing balances of balance-sheet accounts plus
-- one "Current year earnings" line (the income statement's year to date), so that
-- `closing_balance` (debit positive) sums to zero and assets = liabilities + equity.
with tb as (
    select tb.*, a.account_title, a.category, a.section, a.account_class, a.sort_order, a.normal_sign
    from `analytics_marts`.`trial_balance` as tb
    inner join `analytics_marts`.`dim_account` as a on tb.account_no = a.account_no
)

select
    entity_id, book_id, period_name, period_end_date, account_no, account_title, category, section,
    account_class, sort_order, closing_balance,
    closing_balance * normal_sign as amount
from tb
where account_type = 'balancesheet'

union all

select
    entity_id, book_id, period_name, period_end_date, cast(null as string) as account_no,
    'Current year earnings' as account_title, 'Current Year Earnings' as category, 'Equity' as section,
    'Equity' as account_class, 230 as sort_order, sum(closing_balance) as closing_balance,
    -sum(closing_balance) as amount
from tb
where account_type = 'incomestatement'
group by entity_id, book_id, period_name, period_end_date
