-- Per period end, entity pair and transaction currency: the due-from balance the creditor entity
-- holds against the debtor and the due-to balance the debtor holds against the creditor, before
-- eliminations. They must net to zero in the transaction currency (difference) and in the
-- reporting currency (reporting_difference), both balances translated at Intacct's rate for the period end
-- (int_reporting_rates) and rounded half away from zero to cents. Then the consolidated due-from and
-- due-to balances left after eliminations, which are zero once the month is eliminated.
with periods as (
    select period_name, period_end_date from `analytics_marts`.`dim_fiscal_period`
),

legs as (
    select
        case when side = 'due_from' then entity_id else counterparty_entity_id end as creditor_entity_id,
        case when side = 'due_from' then counterparty_entity_id else entity_id end as debtor_entity_id,
        side,
        is_elimination,
        posting_date,
        currency,
        trx_amount
    from `analytics_intermediate`.`int_intercompany_entries`
    where side in ('due_from', 'due_to')
),

balances as (
    select
        periods.period_name,
        periods.period_end_date,
        legs.creditor_entity_id,
        legs.debtor_entity_id,
        legs.currency,
        sum(case when legs.side = 'due_from' and legs.is_elimination = 0 then legs.trx_amount else 0 end)
            as due_from_balance,
        sum(case when legs.side = 'due_to' and legs.is_elimination = 0 then legs.trx_amount else 0 end)
            as due_to_balance,
        sum(case when legs.side = 'due_from' then legs.trx_amount else 0 end) as consolidated_due_from_trx,
        sum(case when legs.side = 'due_to' then legs.trx_amount else 0 end) as consolidated_due_to_trx,
        sum(case when legs.is_elimination = 1 then 1 else 0 end) as elimination_lines
    from legs
    inner join periods on legs.posting_date <= periods.period_end_date
    group by
        periods.period_name, periods.period_end_date, legs.creditor_entity_id, legs.debtor_entity_id, legs.currency
),

translated as (
    select
        balances.*,
        case
            when balances.currency = 'USD' then cast(1 as numeric(38, 9))
            else r.rate_to_reporting
        end as reporting_rate
    from balances
    left join `analytics_intermediate`.`int_reporting_rates` as r
        on r.currency = balances.currency
        and balances.period_end_date >= r.valid_from
        and (r.valid_to is null or balances.period_end_date < r.valid_to)
)

select
    period_name,
    period_end_date,
    creditor_entity_id,
    debtor_entity_id,
    currency,
    cast('USD' as string) as reporting_currency,
    reporting_rate,
    due_from_balance,
    due_to_balance,
    due_from_balance + due_to_balance as difference,
    round(due_from_balance * reporting_rate, 2) as due_from_reporting,
    round(due_to_balance * reporting_rate, 2) as due_to_reporting,
    round(due_from_balance * reporting_rate, 2) + round(due_to_balance * reporting_rate, 2) as reporting_difference,
    round(consolidated_due_from_trx * reporting_rate, 2) as consolidated_due_from,
    round(consolidated_due_to_trx * reporting_rate, 2) as consolidated_due_to,
    elimination_lines
from translated
