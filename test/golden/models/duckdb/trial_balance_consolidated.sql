-- The trial balance summed over the entities that share a base currency (no translation needed).
select
    e.base_currency,
    tb.book_id,
    tb.period_name,
    tb.period_start_date,
    tb.period_end_date,
    tb.account_no,
    count(distinct tb.entity_id) as entity_count,
    sum(tb.opening_balance) as opening_balance,
    sum(tb.period_debits) as period_debits,
    sum(tb.period_credits) as period_credits,
    sum(tb.closing_balance) as closing_balance
from "analytics_marts"."trial_balance" as tb
inner join "analytics_marts"."dim_entity" as e on tb.entity_id = e.entity_id
group by e.base_currency, tb.book_id, tb.period_name, tb.period_start_date, tb.period_end_date, tb.account_no
