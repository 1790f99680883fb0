-- Per period end and transaction currency: the group's due-from (receivable) and due-to (payable)
-- balances, which must net to zero, and which entities hold them.
with periods as (
    select period_name, period_end_date from {{ ref('dim_fiscal_period') }}
),

balances as (
    select
        periods.period_name,
        periods.period_end_date,
        e.currency,
        e.entity_id,
        sum(case when e.side = 'due_from' then e.trx_amount else 0 end) as due_from_balance,
        sum(case when e.side = 'due_to' then e.trx_amount else 0 end) as due_to_balance
    from {{ ref('int_intercompany_entries') }} as e
    inner join periods on e.posting_date <= periods.period_end_date
    group by periods.period_name, periods.period_end_date, e.currency, e.entity_id
)

select
    period_name,
    period_end_date,
    currency,
    count(distinct case when due_from_balance <> 0 then entity_id end) as entities_due_from,
    count(distinct case when due_to_balance <> 0 then entity_id end) as entities_due_to,
    sum(due_from_balance) as due_from_balance,
    sum(due_to_balance) as due_to_balance,
    sum(due_from_balance) + sum(due_to_balance) as difference
from balances
group by period_name, period_end_date, currency
