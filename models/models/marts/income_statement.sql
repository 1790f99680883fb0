-- Income statement per entity, book and period: revenue positive, expenses negative, so the sum of
-- `amount` is the period's net income and the sum of `ytd_amount` the fiscal year to date.
select
    tb.entity_id,
    e.base_currency,
    tb.book_id,
    tb.period_name,
    tb.period_start_date,
    tb.period_end_date,
    tb.fiscal_year,
    tb.account_no,
    a.account_title,
    a.category,
    a.section,
    a.account_class,
    a.sort_order,
    -tb.period_net as amount,
    -tb.closing_balance as ytd_amount
from {{ ref('trial_balance') }} as tb
inner join {{ ref('dim_account') }} as a on tb.account_no = a.account_no
left join {{ ref('dim_entity') }} as e on tb.entity_id = e.entity_id
where a.account_type = 'incomestatement'
